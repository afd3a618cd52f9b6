#pragma once
#include <type_traits>
#include <utility>
namespace cppcoro {
template <class Awaitable> auto sync_wait(Awaitable &&awaitable)
    -> decltype(std::declval<Awaitable>().operator co_await().await_resume());
} // namespace cppcoro

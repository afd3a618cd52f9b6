// Mock of libcoro's coro/when_all.hpp: waits for every awaitable; each
// when_all_task holds its value, and return_value() rethrows its exception.
#pragma once
#include "coro.hpp"
#include <tuple>
#include <type_traits>
#include <vector>

namespace coro {
namespace detail {
template <class T> class when_all_task {
public:
  when_all_task(when_all_task &&) noexcept;
  std::add_lvalue_reference_t<T> return_value() &;
  std::add_rvalue_reference_t<T> return_value() &&;
};
template <class TaskContainer> class when_all_ready_awaitable {
public:
  mock_detail::awaiter<TaskContainer &> operator co_await() & noexcept;
  mock_detail::awaiter<TaskContainer &&> operator co_await() && noexcept;
};
template <class A>
using awaiter_return_t = decltype(std::declval<A>().operator co_await().await_resume());
} // namespace detail

template <class... Awaitables>
[[nodiscard]] auto when_all(Awaitables... awaitables)
    -> detail::when_all_ready_awaitable<
        std::tuple<detail::when_all_task<detail::awaiter_return_t<Awaitables>>...>>;
template <class Awaitable>
[[nodiscard]] auto when_all(std::vector<Awaitable> awaitables)
    -> detail::when_all_ready_awaitable<
        std::vector<detail::when_all_task<detail::awaiter_return_t<Awaitable>>>>;
} // namespace coro

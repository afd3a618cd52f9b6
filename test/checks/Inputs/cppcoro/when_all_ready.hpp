// Mock of cppcoro/when_all_ready.hpp: waits for every awaitable, never
// throws; each when_all_task holds its awaitable's value or exception.
#pragma once
#include "../mock_coroutine_support.h"
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace cppcoro {
namespace detail {
template <class T> class when_all_task {
public:
  when_all_task(when_all_task &&) noexcept;
  std::add_lvalue_reference_t<T> result() &;
  std::add_rvalue_reference_t<T> result() &&;
};
template <class TaskContainer> class when_all_ready_awaitable {
public:
  mock_detail::awaiter<TaskContainer &> operator co_await() & noexcept;
  mock_detail::awaiter<TaskContainer &&> operator co_await() && noexcept;
};
template <class A>
using await_result_t = decltype(std::declval<A>().operator co_await().await_resume());
} // namespace detail

template <class... Awaitables>
[[nodiscard]] auto when_all_ready(Awaitables &&...awaitables)
    -> detail::when_all_ready_awaitable<
        std::tuple<detail::when_all_task<detail::await_result_t<Awaitables>>...>>;
template <class Awaitable>
[[nodiscard]] auto when_all_ready(std::vector<Awaitable> awaitables)
    -> detail::when_all_ready_awaitable<
        std::vector<detail::when_all_task<detail::await_result_t<Awaitable>>>>;
} // namespace cppcoro

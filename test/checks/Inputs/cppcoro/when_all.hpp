// Mock of cppcoro/when_all.hpp: when_all is when_all_ready followed by an
// fmap that returns the values, rethrowing the first exception.
#pragma once
#include "when_all_ready.hpp"

namespace cppcoro {
template <class Func, class Awaitable> class fmap_awaitable {
public:
  mock_detail::awaiter<typename Func::value_type> operator co_await() && noexcept;
};
namespace detail {
// Stands in for when_all's lambda: what the fmap makes of the tasks.
template <class... Values> struct when_all_values {
  using value_type = std::tuple<Values...>;
};
} // namespace detail

template <class... Awaitables>
[[nodiscard]] auto when_all(Awaitables &&...awaitables)
    -> fmap_awaitable<detail::when_all_values<detail::await_result_t<Awaitables>...>,
                      detail::when_all_ready_awaitable<std::tuple<
                          detail::when_all_task<detail::await_result_t<Awaitables>>...>>>;
} // namespace cppcoro

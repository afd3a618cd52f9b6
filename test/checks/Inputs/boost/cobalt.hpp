// Mock of Boost.Cobalt (Boost 1.84+): promise, task, spawn, run, detached.
#pragma once
#include "../mock_coroutine_support.h"
#include <exception>
#include <tuple>
#include <type_traits>
#include <utility>

namespace boost::cobalt {
struct detached_t {};
inline constexpr detached_t detached{};
template <class T = void> class [[nodiscard]] task {
public:
  using promise_type = mock_detail::promise_base<task<T>, T>;
  mock_detail::awaiter<T> operator co_await() && noexcept;
};
template <class T = void> class [[nodiscard]] promise {
public:
  using promise_type = mock_detail::promise_base<promise<T>, T>;
  void detach();
  mock_detail::awaiter<T> operator co_await() && noexcept;
};
template <class Context, class T, class Token>
void spawn(Context &ctx, task<T> &&t, Token &&token) {}
template <class T> T run(task<T> t);

// gather waits for all and gives a result per awaitable; join cancels the
// rest when one fails and rethrows it (boost/cobalt/gather.hpp, join.hpp).
namespace system {
template <class T, class E> class result {
public:
  bool has_value() const noexcept;
  bool has_error() const noexcept;
  std::add_lvalue_reference_t<T> value() &;
};
} // namespace system
namespace detail {
template <class A> using co_await_result_t = decltype(std::declval<A>().operator co_await().await_resume());
template <class... Awaitables> struct gather_variadic_impl {
  mock_detail::awaiter<std::tuple<system::result<co_await_result_t<Awaitables>, std::exception_ptr>...>>
  operator co_await() && noexcept;
};
template <class... Awaitables> struct join_variadic_impl {
  mock_detail::awaiter<std::tuple<co_await_result_t<Awaitables>...>> operator co_await() && noexcept;
};
} // namespace detail
template <class... Awaitables> auto gather(Awaitables &&...p) -> detail::gather_variadic_impl<Awaitables...>;
template <class... Awaitables> auto join(Awaitables &&...p) -> detail::join_variadic_impl<Awaitables...>;
} // namespace boost::cobalt

// Mock of Boost.Cobalt (Boost 1.84+): promise, task, spawn, run, detached.
#pragma once
#include "../mock_coroutine_support.h"
#include <exception>

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
} // namespace boost::cobalt

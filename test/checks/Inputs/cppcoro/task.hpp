// Mock of cppcoro (lewissbaker/cppcoro): task, sync_wait, cancellation,
// async_mutex, generators.
#pragma once
#include "../mock_coroutine_support.h"
#include <exception>

namespace cppcoro {
template <class T = void> class [[nodiscard]] task {
public:
  using promise_type = mock_detail::promise_base<task<T>, T>;
  using value_type = T;
  task(task &&) noexcept;
  ~task();
  bool is_ready() const noexcept;
  mock_detail::awaiter<T> operator co_await() const & noexcept;
  mock_detail::awaiter<T> operator co_await() const && noexcept;
};
} // namespace cppcoro

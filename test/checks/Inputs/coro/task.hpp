// Mock of libcoro's coro/task.hpp: the lazy coro::task.
#pragma once
#include "../mock_coroutine_support.h"

namespace coro {
template <class T = void> class [[nodiscard]] task {
public:
  using promise_type = mock_detail::promise_base<task<T>, T>;
  task(task &&) noexcept;
  ~task();
  mock_detail::awaiter<T> operator co_await() const & noexcept;
  mock_detail::awaiter<T> operator co_await() const && noexcept;
};
} // namespace coro

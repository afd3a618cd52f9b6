// Mock of libcoro 0.11 (coro/task.hpp, coro/thread_pool.hpp,
// coro/io_scheduler.hpp), where spawn_detached was still named spawn.
#pragma once
#include "../../mock_coroutine_support.h"

namespace coro {
template <class T = void> class [[nodiscard]] task {
public:
  using promise_type = mock_detail::promise_base<task<T>, T>;
  task(task &&) noexcept;
  ~task();
  mock_detail::awaiter<T> operator co_await() const & noexcept;
  mock_detail::awaiter<T> operator co_await() const && noexcept;
};

class thread_pool {
public:
  [[nodiscard]] auto schedule() -> mock_detail::awaiter<void>;
  auto spawn(coro::task<void> &&task) noexcept -> bool;
};

class io_scheduler {
public:
  [[nodiscard]] auto schedule() -> mock_detail::awaiter<void>;
  auto spawn(coro::task<void> &&task) noexcept -> bool;
};
} // namespace coro

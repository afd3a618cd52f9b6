// Mock of libcoro 0.11's coro/thread_pool.hpp and coro/io_scheduler.hpp
// (coro::task is unchanged since), where spawn_detached was still named spawn.
#pragma once
#include "../../coro/task.hpp"

namespace coro {

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

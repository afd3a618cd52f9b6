#pragma once
#include "Task.h"
#include <mutex>
namespace folly::coro {
class Mutex {
public:
  Mutex() noexcept;
  bool try_lock() noexcept;
  mock_detail::awaiter<void> co_lock() noexcept;
  mock_detail::awaiter<std::unique_lock<Mutex>> co_scoped_lock() noexcept;
  void unlock() noexcept;
  void lock();
};
} // namespace folly::coro

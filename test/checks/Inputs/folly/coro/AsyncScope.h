#pragma once
#include "Task.h"
namespace folly::coro {
class AsyncScope {
public:
  AsyncScope() noexcept;
  template <class T> void add(TaskWithExecutor<T> &&task);
  Task<void> joinAsync() noexcept;
  Task<void> cleanup() noexcept;
};
} // namespace folly::coro

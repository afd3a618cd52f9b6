#pragma once
#include "Task.h"
namespace folly::coro {
template <class T> T blockingWait(Task<T> &&task);
template <class T> T blockingWait(TaskWithExecutor<T> &&task);
template <class T> T blockingWait(SemiFuture<T> &&future);
} // namespace folly::coro

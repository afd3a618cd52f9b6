// Mock of folly::coro::Task and TaskWithExecutor.
#pragma once
#include "../../mock_coroutine_support.h"
#include "../OperationCancelled.h"
#include "../futures/Future.h"
#include <utility>

namespace folly::coro {
template <class T = void> class [[nodiscard]] TaskWithExecutor {
public:
  TaskWithExecutor(TaskWithExecutor &&) noexcept;
  SemiFuture<T> start() &&;
  template <class F> void start(F &&tryCallback) && {}
  SemiFuture<T> startInlineUnsafe() &&;
  template <class F> void startInlineUnsafe(F &&tryCallback) && {}
  mock_detail::awaiter<T> operator co_await() && noexcept;
};

template <class T = void> class [[nodiscard]] Task {
public:
  using promise_type = mock_detail::promise_base<Task<T>, T>;
  Task(Task &&) noexcept;
  ~Task();
  TaskWithExecutor<T> scheduleOn(Executor *executor) && noexcept;
  SemiFuture<T> semi() &&;
  mock_detail::awaiter<T> operator co_await() && noexcept;
};

template <class T> TaskWithExecutor<T> co_withExecutor(Executor *executor, Task<T> task);

template <class F, class... A>
auto co_invoke(F &&f, A &&...a) -> decltype(std::forward<F>(f)(std::forward<A>(a)...)) {
  return std::forward<F>(f)(std::forward<A>(a)...);
}
} // namespace folly::coro

// RUN: %check_async %s async-detached-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-detached-task.CheckFolly: false}}" %s async-detached-task %t -- -isystem %inputs

// With CheckFolly off, the second run expects no diagnostic at all.

#include <folly/coro/AsyncScope.h>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Task.h>

#include <utility>

folly::coro::Task<int> fetch(int key);
folly::coro::Task<void> refresh();

void starts_and_drops(folly::Executor *ex) {
  fetch(1).scheduleOn(ex).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: the future returned by 'folly::coro::TaskWithExecutor::start' is discarded, so nobody joins the task; its exception is silently dropped [async-detached-task]
  folly::coro::co_withExecutor(ex, refresh()).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: the future returned by 'folly::coro::TaskWithExecutor::start' is discarded
  auto scheduled = refresh().scheduleOn(ex);
  std::move(scheduled).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the future returned by 'folly::coro::TaskWithExecutor::start' is discarded
  (void)fetch(2).scheduleOn(ex).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: the future returned by 'folly::coro::TaskWithExecutor::start' is discarded
  fetch(3).scheduleOn(ex).startInlineUnsafe();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: the future returned by 'folly::coro::TaskWithExecutor::startInlineUnsafe' is discarded
}

// co_invoke builds the task from a lambda; started and dropped the same way.
void co_invoke_started(folly::Executor *ex, int key) {
  folly::coro::co_invoke([key]() -> folly::coro::Task<void> { co_await fetch(key); })
      .scheduleOn(ex)
      .start();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the future returned by 'folly::coro::TaskWithExecutor::start' is discarded
}

// A callback that never looks at the Try loses the exception as well.
void ignoring_callbacks(folly::Executor *ex) {
  fetch(4).scheduleOn(ex).start([](auto &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: the callback passed to 'folly::coro::TaskWithExecutor::start' ignores its 'Try' argument, so nobody sees how the task ends
  fetch(5).scheduleOn(ex).start([](folly::Try<int> &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: the callback passed to 'folly::coro::TaskWithExecutor::start' ignores its 'Try' argument
}

// A template instantiated twice reports once.
template <class T> void fire(folly::Executor *ex, folly::coro::Task<T> task) {
  std::move(task).scheduleOn(ex).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the future returned by 'folly::coro::TaskWithExecutor::start' is discarded
}
void instantiate_twice(folly::Executor *ex) {
  fire(ex, fetch(6));
  fire(ex, refresh());
}

// Negatives: the future is kept, awaited or waited for; the callback reads
// the Try; the task is added to an AsyncScope that is joined.
void handle(folly::Try<int> &&result);
folly::coro::Task<void> keeps_futures(folly::Executor *ex, folly::coro::AsyncScope &scope) {
  folly::SemiFuture<int> kept = fetch(10).scheduleOn(ex).start();
  std::move(kept).get();
  folly::coro::blockingWait(fetch(11).scheduleOn(ex).start());
  fetch(12).scheduleOn(ex).start([](folly::Try<int> &&result) { handle(std::move(result)); });
  scope.add(refresh().scheduleOn(ex));
  co_await scope.joinAsync();
  co_await fetch(13).scheduleOn(ex);
}
folly::SemiFuture<int> returns_future(folly::Executor *ex) { return fetch(14).scheduleOn(ex).start(); }

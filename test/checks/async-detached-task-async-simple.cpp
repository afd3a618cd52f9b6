// RUN: %check_async %s async-detached-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-detached-task.CheckAsyncSimple: false}}" %s async-detached-task %t -- -isystem %inputs

// With CheckAsyncSimple off, the second run expects no diagnostic at all.

#include <async_simple/coro/Lazy.h>

#include <utility>

using async_simple::Try;
using async_simple::coro::Lazy;

Lazy<int> load(int key);

void ignores_outcome(async_simple::Executor *ex) {
  load(1).start([](Try<int> &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the callback passed to 'async_simple::coro::Lazy::start' ignores its 'Try' argument, so nobody sees how the task ends; its exception is silently dropped [async-detached-task]
  load(2).start([](auto &&result) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the callback passed to 'async_simple::coro::Lazy::start' ignores its 'Try' argument
  load(3).via(ex).start([](auto &&...) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the callback passed to 'async_simple::coro::RescheduleLazy::start' ignores its 'Try' argument
}

void detaches(async_simple::Executor *ex) {
  load(4).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::Lazy::detach' detaches the coroutine, so nobody joins it; its exception is printed and rethrown into whichever thread resumes it, not to the caller [async-detached-task]
  auto lazy = load(5);
  std::move(lazy).via(ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'async_simple::coro::RescheduleLazy::detach' detaches the coroutine
}

// Negatives: the callback reads the Try; the task is awaited or waited for.
void report(std::exception_ptr e);
void observes_outcome() {
  load(10).start([](Try<int> &&result) {
    if (result.hasError())
      report(result.getException());
  });
  load(11).start([](auto &&result) { (void)result.value(); });
  async_simple::coro::syncAwait(load(12));
}
Lazy<int> awaits() { co_return co_await load(13); }

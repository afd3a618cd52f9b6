// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs

// folly executors driven by hand: ManualExecutor::run/drain/makeProgress/
// waitFor and DrivableExecutor::drive run the queued work on the calling
// thread, a loop nested in the coroutine. Adding work and clearing the
// queue do not run it.

#include <folly/coro/Task.h>
#include <folly/executors/ManualExecutor.h>

struct Ready {
  bool isReady() const;
};

folly::coro::Task<void> drives(folly::ManualExecutor &manual, folly::DrivableExecutor &drivable,
                               Ready &ready) {
  manual.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::ManualExecutor::run' runs an event loop inside a coroutine; the event loop running the coroutine is blocked until it returns [async-nested-event-loop]
  manual.drain();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::ManualExecutor::drain' runs an event loop inside a coroutine
  manual.makeProgress();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::ManualExecutor::makeProgress' runs an event loop inside a coroutine
  manual.waitFor(ready);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::ManualExecutor::waitFor' runs an event loop inside a coroutine
  manual.drive();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::ManualExecutor::drive' runs an event loop inside a coroutine
  drivable.drive();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::DrivableExecutor::drive' runs an event loop inside a coroutine
  co_return;
}

folly::coro::Task<void> does_not_drive(folly::ManualExecutor &manual) {
  manual.clear();
  co_return;
}

// A test's main loop drives the executor outside any coroutine.
void test_main(folly::ManualExecutor &manual) {
  manual.drain();
  manual.drive();
}

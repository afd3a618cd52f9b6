// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs
// RUN: %check_async --check-suffix=SOURCE --config="{HeaderFilterRegex: 'vendored'}" %s async-nested-event-loop %t -- -I %inputs/vendored/folly -isystem %inputs

// A death test runs its statement in a child process: a loop run there is
// not nested in the coroutine's. GoogleTest is Debian's real gtest.h.
// SOURCE: folly as a project header with blockingWait's implementation,
// which drives an executor: the call is the finding (or, in a death test,
// none); the drive() inside it is never a second one.

#include <folly/coro/BlockingWait.h>
#include <folly/coro/Task.h>
#include <gtest/gtest.h>

folly::coro::Task<void> step();

folly::coro::Task<void> dies_in_a_child() {
  EXPECT_DEATH(folly::coro::blockingWait(step()), "deadlock");
  EXPECT_EXIT(folly::coro::blockingWait(step()), ::testing::ExitedWithCode(1), "");
  co_return;
}

// Positive: outside the death test, the same wait blocks this coroutine.
folly::coro::Task<void> waits_here() {
  EXPECT_NO_THROW(folly::coro::blockingWait(step()));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'folly::coro::blockingWait' runs an event loop inside a coroutine
  // CHECK-MESSAGES-SOURCE: :[[@LINE-2]]:19: warning: 'folly::coro::blockingWait' runs an event loop inside a coroutine
  folly::coro::blockingWait(step());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::coro::blockingWait' runs an event loop inside a coroutine
  // CHECK-MESSAGES-SOURCE: :[[@LINE-2]]:3: warning: 'folly::coro::blockingWait' runs an event loop inside a coroutine
  // CHECK-FIXES: co_await step();
  // CHECK-FIXES-SOURCE: co_await step();
  co_return;
}

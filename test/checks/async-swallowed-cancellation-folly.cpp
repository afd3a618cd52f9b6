// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs

#include <folly/OperationCancelled.h>
#include <folly/coro/AsyncGenerator.h>
#include <folly/coro/Task.h>
#include <stdexcept>

folly::coro::Task<int> fetch();
void log(const char *);

folly::coro::Task<int> exact_handler() {
  try {
    co_return co_await fetch();
  } catch (const folly::OperationCancelled &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled', so the coroutine appears to finish normally [async-swallowed-cancellation]
    log("cancelled");
  }
  // CHECK-FIXES:      log("cancelled");
  // CHECK-FIXES-NEXT:     throw;
  // CHECK-FIXES-NEXT:   }
  co_return 0;
}

folly::coro::Task<void> base_handler() {
  try {
    co_await fetch();
  } catch (const std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    log(e.what());
  }
  // CHECK-FIXES: } catch (const folly::OperationCancelled&) { throw; } catch (const std::exception &e) {
}

// The coroutine awaits a folly task from a generator.
folly::coro::AsyncGenerator<int> values() {
  for (;;) {
    try {
      co_yield co_await fetch();
    } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler swallows cancellation 'folly::OperationCancelled'
      break;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'break' leaves the handler without rethrowing the cancellation
    }
  }
  // CHECK-FIXES: } catch (const folly::OperationCancelled&) { throw; } catch (...) {
}

// --- Negatives ------------------------------------------------------------------

folly::coro::Task<void> rethrows() {
  try {
    co_await fetch();
  } catch (const folly::OperationCancelled &) {
    throw;
  } catch (const std::exception &e) {
    log(e.what());
  }
}

folly::coro::Task<void> unrelated_handler() {
  try {
    co_await fetch();
  } catch (const std::runtime_error &e) {
    log(e.what());
  }
}

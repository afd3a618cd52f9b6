// RUN: %check_async %s async-swallowed-cancellation %t -- -I %corio_include

// Not <corio/corio.hpp>: corio::with_timeout turns the cancellation its own
// deadline caused into timeout_error, which this check reports in
// <corio/timeouts.hpp> (a scope that owns a cancellation may absorb it).
#include <corio/exceptions.hpp>
#include <corio/sleep.hpp>
#include <corio/task.hpp>
#include <chrono>
#include <cstdio>

using namespace std::chrono_literals;

corio::task<int> fetch();

corio::task<void> exact_handler() {
  try {
    co_await corio::sleep_for(10ms);
  } catch (const corio::cancelled_error &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation: 'corio::cancelled_error' raised at a suspension point in the try block is caught here and not rethrown, so the cancelled coroutine appears to finish normally [async-swallowed-cancellation]
    std::puts("cancelled while sleeping");
  }
  // CHECK-FIXES:      std::puts("cancelled while sleeping");
  // CHECK-FIXES-NEXT:     throw;
  // CHECK-FIXES-NEXT:   }
}

corio::task<int> base_handler() {
  int value = 0;
  try {
    value = co_await fetch();
  } catch (const std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation: 'corio::cancelled_error'
    std::puts(e.what());
  }
  co_return value;
  // CHECK-FIXES: } catch (const corio::cancelled_error&) { throw; } catch (const std::exception &e) {
}

// Turning the cancellation into a timeout_error hides it from the scope that
// cancelled the task.
corio::task<int> translates() {
  try {
    co_return co_await fetch();
  } catch (const corio::cancelled_error &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation: 'corio::cancelled_error'
    throw corio::timeout_error();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this throws 'corio::timeout_error' in place of the cancellation
  }
}

corio::task<int> co_returns_default() {
  try {
    co_return co_await fetch();
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation: 'corio::cancelled_error'
    co_return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'co_return' leaves the handler without rethrowing the cancellation; rethrow it with 'throw;'
  }
}

// --- Negatives ------------------------------------------------------------------

// timeout_error is not a cancellation: the timed-out task has been unwound.
corio::task<int> handles_the_timeout() {
  try {
    co_return co_await fetch();
  } catch (const corio::timeout_error &) {
    co_return -1;
  }
}

corio::task<void> cleans_up_and_rethrows() {
  try {
    co_await corio::sleep_for(1s);
  } catch (const corio::cancelled_error &) {
    std::puts("cancelled");
    throw;
  } catch (const std::exception &e) {
    std::puts(e.what());
  }
}

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
corio::task<void> cleanup();

corio::task<void> exact_handler() {
  try {
    co_await corio::sleep_for(10ms);
  } catch (const corio::cancelled_error &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'corio::cancelled_error', so the coroutine appears to finish normally [async-swallowed-cancellation]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: rethrow it with 'throw;'
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
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'corio::cancelled_error'
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: catch 'corio::cancelled_error' in a handler of its own before this one and rethrow it there
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
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'corio::cancelled_error'
    throw corio::timeout_error();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this throws 'corio::timeout_error' in place of the cancellation
  }
}

corio::task<int> co_returns_default() {
  try {
    co_return co_await fetch();
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler returns cancellation 'corio::cancelled_error' as an error, so the coroutine appears to have failed
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: catch 'corio::cancelled_error' in a handler of its own before this one and rethrow it there
    co_return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'co_return' leaves the handler without rethrowing the cancellation
  }
  // CHECK-FIXES: } catch (const corio::cancelled_error&) { throw; } catch (...) {
}

// A loop that retries after the cancellation never stops.
corio::task<void> retries() {
  for (;;) {
    try {
      co_await corio::sleep_for(1s);
    } catch (const corio::cancelled_error &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler swallows cancellation 'corio::cancelled_error'
      std::puts("retrying");
    }
    // CHECK-FIXES:      std::puts("retrying");
    // CHECK-FIXES-NEXT:       throw;
  }
}

// The cleanup after the handler runs and the coroutine still finishes
// normally.
corio::task<int> cleans_up_then_returns() {
  try {
    co_await corio::sleep_for(1s);
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'corio::cancelled_error'
  }
  co_await cleanup();
  co_return 0;
  // CHECK-FIXES: } catch (const corio::cancelled_error&) { throw; } catch (...) {
}

// --- Negatives ------------------------------------------------------------------

// A flag the handler sets, read after the cleanup to raise it again.
corio::task<int> rethrows_behind_a_flag() {
  bool cancelled = false;
  try {
    co_await corio::sleep_for(1s);
  } catch (const corio::cancelled_error &) {
    cancelled = true;
  }
  co_await cleanup();
  if (cancelled)
    throw corio::cancelled_error();
  co_return 1;
}

// A handler cannot co_await: the asynchronous cleanup comes after it, and the
// cancellation is raised again.
corio::task<void> cleans_up_then_cancels() {
  try {
    co_await corio::sleep_for(1h);
  } catch (const corio::cancelled_error &) {
  }
  co_await cleanup();
  throw corio::cancelled_error();
}

corio::task<void> breaks_out_then_cancels() {
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      co_await corio::sleep_for(1s);
    } catch (const corio::cancelled_error &) {
      break;
    }
  }
  co_await cleanup();
  throw corio::cancelled_error();
}

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

// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs
// RUN: %check_async --check-suffix=CONFIG \
// RUN:   --config="{CheckOptions: {async-swallowed-cancellation.ExceptionKeepers: '::std::current_exception;::app::keep_error'}}" \
// RUN:   %s async-swallowed-cancellation %t -- -isystem %inputs

// A handler that keeps the exception through a framework's helper keeps it
// as std::current_exception() does: whoever takes it decides its fate. The
// CONFIG run lists its own keepers, which replace the defaults.

#include <async_simple/Try.h>
#include <folly/ExceptionWrapper.h>
#include <folly/OperationCancelled.h>
#include <folly/coro/Task.h>
#include <folly/lang/Exception.h>
#include <exception>

folly::coro::Task<int> fetch();
void log(const char *);

namespace app {
void keep_error(const std::exception &e);
}

folly::coro::Task<void> keeps_with_folly_current_exception(std::exception_ptr &out) {
  try {
    co_await fetch();
  } catch (const folly::OperationCancelled &) {
    // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    out = folly::current_exception();
  }
}

folly::coro::Task<void> keeps_in_exception_wrapper(folly::exception_wrapper &out) {
  try {
    co_await fetch();
  } catch (const std::exception &e) {
    // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    out = folly::exception_wrapper(folly::current_exception(), e);
  }
}

folly::coro::Task<void> keeps_with_make_exception_ptr(std::exception_ptr &out) {
  try {
    co_await fetch();
  } catch (const folly::OperationCancelled &e) {
    // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    out = std::make_exception_ptr(e);
  }
}

// A Try set from the caught exception keeps it through its argument.
folly::coro::Task<void> sets_a_try(async_simple::Try<int> &result) {
  try {
    co_await fetch();
  } catch (...) {
    result.setException(std::current_exception());
  }
}

folly::coro::Task<void> kept_by_the_users_function() {
  try {
    co_await fetch();
  } catch (const std::exception &e) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    app::keep_error(e);
  }
  // CHECK-FIXES: } catch (const folly::OperationCancelled&) { throw; } catch (const std::exception &e) {
}

// std::current_exception() stays a keeper in both runs.
folly::coro::Task<void> keeps_with_std(std::exception_ptr &out) {
  try {
    co_await fetch();
  } catch (...) {
    out = std::current_exception();
  }
}

// Positives in both runs: nothing keeps the exception.
folly::coro::Task<void> only_logs() {
  try {
    co_await fetch();
  } catch (const std::exception &e) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    // CHECK-MESSAGES-CONFIG: :[[@LINE-2]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    log(e.what());
  }
  // CHECK-FIXES: } catch (const folly::OperationCancelled&) { throw; } catch (const std::exception &e) {
  // CHECK-FIXES-CONFIG: } catch (const folly::OperationCancelled&) { throw; } catch (const std::exception &e) {
}

folly::coro::Task<void> only_logs_cancellation() {
  try {
    co_await fetch();
  } catch (const folly::OperationCancelled &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    // CHECK-MESSAGES-CONFIG: :[[@LINE-2]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    log("cancelled");
  }
}

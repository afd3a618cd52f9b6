// RUN: %check_async %s async-unshielded-cleanup %t -- -isystem %inputs

#include <folly/CancellationToken.h>
#include <folly/OperationCancelled.h>
#include <folly/coro/Task.h>
#include <folly/coro/WithCancellation.h>
#include <coroutine>
#include <exception>

folly::coro::Task<void> work();
folly::coro::Task<void> flush();

// The awaited task inherits the cancelled token: no fix-it, a note that
// names the empty-token wrapper.
folly::coro::Task<void> flag_then_flush() {
  bool cancelled = false;
  try {
    co_await work();
  } catch (const folly::OperationCancelled &) {
    cancelled = true;
  }
  co_await flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('folly::OperationCancelled') is not shielded, so it is cancelled too and the cleanup does not run [async-unshielded-cleanup]
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: the cancellation is caught here, but the coroutine stays cancelled
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: await it as 'folly::coro::co_withCancellation({}, ...)' to run it without the cancelled token
  if (cancelled)
    throw folly::OperationCancelled();
}

// Another token still comes from the caller here: not shielded.
folly::coro::Task<void> token_passed_on(folly::CancellationToken token) {
  try {
    co_await work();
  } catch (...) {
  }
  co_await folly::coro::co_withCancellation(token, flush());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('folly::OperationCancelled')
  throw folly::OperationCancelled();
}

// ---- Left alone ------------------------------------------------------------

folly::coro::Task<void> empty_token() {
  std::exception_ptr error;
  try {
    co_await work();
  } catch (...) {
    error = std::current_exception();
  }
  co_await folly::coro::co_withCancellation({}, flush());
  co_await folly::coro::co_withCancellation(folly::CancellationToken(), flush());
  if (error)
    std::rethrow_exception(error);
}

// An awaitable that never suspends.
folly::coro::Task<void> never_suspends() {
  try {
    co_await work();
  } catch (const folly::OperationCancelled &) {
  }
  co_await std::suspend_never{};
  throw folly::OperationCancelled();
}

// The handler rethrows on every path.
folly::coro::Task<void> rethrows() {
  try {
    co_await work();
  } catch (const folly::OperationCancelled &) {
    throw;
  }
  co_await flush();
}

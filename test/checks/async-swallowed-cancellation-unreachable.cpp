// RUN: %check_async \
// RUN:   --config="{CheckOptions: {async-swallowed-cancellation.CancellationTypes: '::folly::OperationCancelled;::async_simple::SignalException;::app::stopped'}}" \
// RUN:   %s async-swallowed-cancellation %t -- -isystem %inputs

// A handler cannot swallow a cancellation that its try block's suspension
// points cannot throw: co_nothrow hands the error past the body, co_awaitTry
// and coAwaitTry return it in a Try, a noexcept awaiter throws nothing.

#include <async_simple/coro/Lazy.h>
#include <folly/OperationCancelled.h>
#include <folly/coro/Nothrow.h>
#include <folly/coro/Task.h>
#include <folly/coro/ViaIfAsync.h>
#include <coroutine>
#include <exception>

folly::coro::Task<int> fetch();
async_simple::coro::Lazy<int> load();
void log(const char *);

namespace app {
struct stopped : std::exception {};

// An awaiter that reports everything through its result.
struct polled {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  int await_resume() noexcept;
};
// The same, but its result may throw.
struct throwing_poll {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  int await_resume();
};
polled poll();
throwing_poll poll_or_throw();
} // namespace app

folly::coro::Task<void> nothrow_await() {
  try {
    co_await folly::coro::co_nothrow(fetch());
  } catch (const std::exception &e) {
    log(e.what());
  }
}

folly::coro::Task<void> await_try() {
  try {
    auto result = co_await folly::coro::co_awaitTry(fetch());
    if (result.hasException())
      log("failed");
  } catch (...) {
  }
}

folly::coro::Task<void> lazy_try() {
  try {
    auto result = co_await load().coAwaitTry();
    (void)result;
  } catch (...) {
    log("unexpected");
  }
}

folly::coro::Task<void> noexcept_awaiter() {
  try {
    co_await app::poll();
  } catch (const app::stopped &) {
  }
}

// Positives: one suspension point that can throw is enough.
folly::coro::Task<void> plain_await_beside_nothrow() {
  try {
    co_await folly::coro::co_nothrow(fetch());
    co_await fetch();
  } catch (const std::exception &e) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
    log(e.what());
  }
  // CHECK-FIXES: } catch (const folly::OperationCancelled&) { throw; } catch (const ::app::stopped&) { throw; } catch (const std::exception &e) {
}

folly::coro::Task<void> throwing_awaiter() {
  try {
    co_await app::poll_or_throw();
  } catch (const app::stopped &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation '::app::stopped'
  }
  // CHECK-FIXES: throw;
}

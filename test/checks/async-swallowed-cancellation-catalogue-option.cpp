// RUN: %check_async --check-suffix=DEFAULT %s async-swallowed-cancellation %t -- -isystem %inputs
// RUN: %check_async --check-suffix=REPLACED --config="{CheckOptions: {async-swallowed-cancellation.CancellationTypes: '::app::stop_requested', async-swallowed-cancellation.CancellationErrorCodes: '::std::errc::operation_canceled'}}" %s async-swallowed-cancellation %t -- -isystem %inputs
// RUN: %check_async --check-suffix=KEPT --config="{CheckOptions: {async-swallowed-cancellation.CancellationTypes: 'cppcoro::operation_cancelled', async-swallowed-cancellation.CancellationErrorCodes: 'asio::error::operation_aborted'}}" %s async-swallowed-cancellation %t -- -isystem %inputs
// RUN: %corio_tidy --checks='-*,async-swallowed-cancellation' --config="{CheckOptions: {async-swallowed-cancellation.CancellationTypes: 'cppcoro::operation_cancelled;::app::stop_requested', async-swallowed-cancellation.CancellationErrorCodes: '::app::net_errc::stopped'}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP %s
// RUN: %corio_tidy --checks='-*,async-swallowed-cancellation' --dump-config %s -- | %FileCheck --check-prefix=DUMP-DEFAULT %s

// CancellationTypes' default is the catalogue's exception types that mean
// "cancelled" by themselves, CancellationErrorCodes' the catalogue's
// cancellation codes (Asio's operation_aborted, which also makes its
// system_error a cancellation, and the portable codes it equals): a value
// replaces the list. A catalogue entry left out is no cancellation any more,
// one kept works as before, and any other name is the user's own.

// DUMP: async-swallowed-cancellation.CancellationErrorCodes: '::app::net_errc::stopped'
// DUMP: async-swallowed-cancellation.CancellationTypes: 'cppcoro::operation_cancelled;::app::stop_requested'
// DUMP-DEFAULT: async-swallowed-cancellation.CancellationErrorCodes: '::boost::asio::error::operation_aborted;{{.*}};::std::errc::operation_canceled;::asio::error::operation_aborted'
// DUMP-DEFAULT: async-swallowed-cancellation.CancellationTypes: '::corio::cancelled_error;::cppcoro::operation_cancelled;::folly::OperationCancelled;::async_simple::SignalException'

#include <asio.hpp>
#include <cppcoro/cppcoro.hpp>
#include <exception>
#include <system_error>

void log(const char *);

// A project's own task type and cancellation exception.
namespace app {
struct stop_requested : std::exception {};
struct task {
  struct promise_type {
    task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void unhandled_exception();
    void return_void() noexcept;
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const;
};
task work();
} // namespace app

cppcoro::task<> step();

// A catalogue type: found by default and when kept, not when left out.
cppcoro::task<> catalogue_type() {
  try {
    co_await step();
  } catch (const cppcoro::operation_cancelled &) {
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: handler swallows cancellation 'cppcoro::operation_cancelled', so the coroutine appears to finish normally
  // CHECK-MESSAGES-KEPT: :[[@LINE-2]]:5: warning: handler swallows cancellation 'cppcoro::operation_cancelled', so the coroutine appears to finish normally
    co_return;
  }
}

// The user's own type: found only when listed.
app::task user_type() {
  try {
    co_await app::work();
  } catch (const app::stop_requested &) {
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:5: warning: handler swallows cancellation '::app::stop_requested', so the coroutine appears to finish normally
    co_return;
  }
}

// Asio's system_error is a cancellation by its code: found by default and
// when operation_aborted is kept, not when it is left out.
asio::awaitable<void> catalogue_code(asio::steady_timer &timer) {
  try {
    co_await timer.async_wait(asio::use_awaitable);
  } catch (const std::system_error &) {
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: handler swallows cancellation 'asio::error::operation_aborted', so the coroutine appears to finish normally
  // CHECK-MESSAGES-KEPT: :[[@LINE-2]]:5: warning: handler swallows cancellation 'asio::error::operation_aborted', so the coroutine appears to finish normally
    co_return;
  }
  // CHECK-FIXES-DEFAULT: } catch (const std::system_error &e) {
  // CHECK-FIXES-DEFAULT-NEXT: if (e.code() == asio::error::operation_aborted) throw;
  // CHECK-FIXES-KEPT: } catch (const std::system_error &e) {
  // CHECK-FIXES-KEPT-NEXT: if (e.code() == asio::error::operation_aborted) throw;
}

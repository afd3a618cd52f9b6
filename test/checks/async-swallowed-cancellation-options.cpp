// RUN: %check_async --check-suffix=DEFAULT %s async-swallowed-cancellation %t -- -isystem %inputs
// RUN: %check_async --check-suffix=CONFIG \
// RUN:   --config="{CheckOptions: {async-swallowed-cancellation.CancellationTypes: '::app::stop_requested;app::never_declared', async-swallowed-cancellation.CancellationErrorCodes: 'app::net_errc::stopped', async-swallowed-cancellation.AllowTranslation: true}}" \
// RUN:   %s async-swallowed-cancellation %t -- -isystem %inputs

#include <asio.hpp>
#include <cppcoro/cppcoro.hpp>
#include <stdexcept>
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

// --- CancellationTypes ---------------------------------------------------------

app::task own_cancellation_type() {
  try {
    co_await app::work();
  } catch (const app::stop_requested &) {
  // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:5: warning: handler swallows cancellation '::app::stop_requested', so the coroutine appears to finish normally
    log("stopped");
  }
  // CHECK-FIXES-CONFIG:      log("stopped");
  // CHECK-FIXES-CONFIG-NEXT:     throw;
}

app::task own_cancellation_type_base() {
  try {
    co_await app::work();
  } catch (const std::exception &e) {
  // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:5: warning: handler swallows cancellation '::app::stop_requested'
    log(e.what());
  }
  // CHECK-FIXES-CONFIG: } catch (const ::app::stop_requested&) { throw; } catch (const std::exception &e) {
}

// --- AllowTranslation ------------------------------------------------------------

cppcoro::task<> step();

cppcoro::task<> translates() {
  try {
    co_await step();
  } catch (const cppcoro::operation_cancelled &) {
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: handler swallows cancellation 'cppcoro::operation_cancelled'
    throw std::runtime_error("request cancelled");
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: note: this throws 'std::runtime_error' in place of the cancellation
  }
}

// --- CancellationErrorCodes ------------------------------------------------------

// The portable std::errc::operation_canceled is built in: operation_aborted
// compares equal to it (async-swallowed-cancellation-portable-codes.cpp).
asio::awaitable<void> errc_test_in_handler(asio::steady_timer &timer) {
  try {
    co_await timer.async_wait(asio::use_awaitable);
  } catch (const std::system_error &e) {
    if (e.code() == std::errc::operation_canceled)
      throw;
    log(e.what());
  }
}

namespace app {
enum class net_errc { stopped = 1, reset };
std::error_code make_error_code(net_errc);
} // namespace app
template <> struct std::is_error_code_enum<app::net_errc> : std::true_type {};

// A code of the project's own, listed in the CONFIG run.
asio::awaitable<void> own_code_loop(asio::steady_timer &timer) {
  for (;;) {
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    if (ec == app::net_errc::stopped)
      continue;
      // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:7: warning: 'continue' after a cancelled operation ('app::net_errc::stopped') makes the loop ignore the cancellation
    log("tick");
  }
}

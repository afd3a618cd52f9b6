// RUN: %check_async --check-suffix=DEFAULT %s async-unshielded-cleanup %t -- -I %corio_include
// RUN: %check_async --check-suffix=LISTED \
// RUN:   --config="{CheckOptions: {async-unshielded-cleanup.ShieldFunctions: '::corio::shielded;::app::protected_cleanup;app::never_declared'}}" \
// RUN:   %s async-unshielded-cleanup %t -- -I %corio_include

#include <corio/exceptions.hpp>
#include <corio/shielded.hpp>
#include <corio/task.hpp>

corio::task<void> work();
corio::task<void> cleanup();

// The project's own wrapper, which shields what it awaits.
namespace app {
inline corio::task<void> protected_cleanup(corio::task<void> t) {
  co_await corio::shielded(std::move(t));
}
} // namespace app

corio::task<void> project_wrapper() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  co_await app::protected_cleanup(cleanup());
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('corio::cancelled_error') is not shielded
  // CHECK-FIXES-DEFAULT: co_await corio::shielded(app::protected_cleanup(cleanup()));
  throw corio::cancelled_error();
}

// Listed or not, an unwrapped cleanup is reported.
corio::task<void> unwrapped() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  co_await cleanup();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES-DEFAULT: co_await corio::shielded(cleanup());
  // CHECK-FIXES-LISTED: co_await corio::shielded(cleanup());
  throw corio::cancelled_error();
}

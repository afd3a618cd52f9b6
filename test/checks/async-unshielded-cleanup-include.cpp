// RUN: %check_async %s async-unshielded-cleanup %t -- -I %corio_include

// Nothing here declares corio::shielded: the fix-it includes its header.
#include <corio/exceptions.hpp>
#include <corio/task.hpp>
// CHECK-FIXES: #include <corio/exceptions.hpp>
// CHECK-FIXES-NEXT: #include <corio/shielded.hpp>
// CHECK-FIXES-NEXT: #include <corio/task.hpp>

corio::task<void> work();
corio::task<void> cleanup();

corio::task<void> cleanup_after_cancellation() {
  bool cancelled = false;
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
    cancelled = true;
  }
  co_await cleanup();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('corio::cancelled_error') is not shielded
  // CHECK-FIXES: co_await corio::shielded(cleanup());
  if (cancelled)
    throw corio::cancelled_error();
}

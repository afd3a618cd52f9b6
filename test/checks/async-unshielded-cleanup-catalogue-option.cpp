// RUN: %check_async --check-suffix=REPLACED --config="{CheckOptions: {async-unshielded-cleanup.ShieldFunctions: '::app::protected_cleanup'}}" %s async-unshielded-cleanup %t -- -I %corio_include
// RUN: %check_async --check-suffix=DEFAULT %s async-unshielded-cleanup %t -- -I %corio_include
// RUN: %corio_tidy --checks='-*,async-unshielded-cleanup' --config="{CheckOptions: {async-unshielded-cleanup.ShieldFunctions: 'corio::shielded;::app::protected_cleanup'}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP %s
// RUN: %corio_tidy --checks='-*,async-unshielded-cleanup' --dump-config %s -- | %FileCheck --check-prefix=DUMP-DEFAULT %s

// ShieldFunctions' default is the catalogue's shields: a value replaces it.
// A shield left out no longer protects (nor is it suggested), and a name the
// catalogue lacks is the user's own wrapper.

// DUMP: async-unshielded-cleanup.ShieldFunctions: 'corio::shielded;::app::protected_cleanup'
// DUMP-DEFAULT: async-unshielded-cleanup.ShieldFunctions: '::boost::asio::this_coro::reset_cancellation_state;{{.*}};::corio::shielded{{.*}}'

#include <corio/exceptions.hpp>
#include <corio/shielded.hpp>
#include <corio/task.hpp>

corio::task<void> work();
corio::task<void> cleanup();

namespace app {
inline corio::task<void> protected_cleanup(corio::task<void> t) {
  co_await corio::shielded(std::move(t));
}
} // namespace app

corio::task<void> shields() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  co_await corio::shielded(cleanup());
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('corio::cancelled_error') is not shielded
  co_await app::protected_cleanup(cleanup());
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('corio::cancelled_error') is not shielded
  // CHECK-FIXES-DEFAULT: co_await corio::shielded(app::protected_cleanup(cleanup()));
  throw corio::cancelled_error();
}

// RUN: %check_async --check-suffix=REPLACED --config="{CheckOptions: {async-suspend-in-scope.LockTypes: 'std::mutex;::std::unique_lock;::app::spin_guard'}}" %s async-suspend-in-scope %t -- -isystem %inputs
// RUN: %check_async --check-suffix=DEFAULT %s async-suspend-in-scope %t -- -isystem %inputs
// RUN: %corio_tidy --checks='-*,async-suspend-in-scope' --config="{CheckOptions: {async-suspend-in-scope.LockTypes: 'std::mutex;::std::unique_lock;::app::spin_guard'}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP %s
// RUN: %corio_tidy --checks='-*,async-suspend-in-scope' --dump-config %s -- | %FileCheck --check-prefix=DUMP-DEFAULT %s

// LockTypes' default is the catalogue's mutexes and lock guards: a value
// replaces it. A catalogue guard left out (std::lock_guard) is no longer a
// lock, one kept is tracked as before, and a name the catalogue lacks is the
// user's own lock type.

// DUMP: async-suspend-in-scope.LockTypes: 'std::mutex;::std::unique_lock;::app::spin_guard'
// DUMP-DEFAULT: async-suspend-in-scope.LockTypes: '{{.*}}::std::mutex;{{.*}};::std::lock_guard;{{.*}}'

#include <boost/asio.hpp>
#include <mutex>

namespace net = boost::asio;

namespace app {
class spin_guard {
public:
  explicit spin_guard(int *word);
  ~spin_guard();
};
} // namespace app

net::awaitable<void> op();
std::mutex m;
int spin_word;

net::awaitable<void> guards() {
  {
    std::lock_guard<std::mutex> guard(m);
    co_await op();
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'guard' of type 'std::lock_guard<std::mutex>' holds a thread-blocking mutex
  }
  {
    std::unique_lock<std::mutex> lock(m);
    co_await op();
    // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'lock' of type 'std::unique_lock<std::mutex>' holds a thread-blocking mutex
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:5: warning: 'co_await' suspends the coroutine while 'lock' of type 'std::unique_lock<std::mutex>' holds a thread-blocking mutex
  }
  app::spin_guard spin(&spin_word);
  co_await op();
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'spin' of type 'app::spin_guard' holds a thread-blocking mutex
}

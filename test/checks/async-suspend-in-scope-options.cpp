// RUN: %check_async %s async-suspend-in-scope %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OPTIONS --config="{CheckOptions: {async-suspend-in-scope.LockTypes: '::std::mutex;::std::lock_guard;::std::unique_lock;::absl::MutexLock;::app::spin_lock;::coro::scoped_lock', async-suspend-in-scope.AllowedAwaitables: '::app::ready_awaitable;coro::.*'}}" %s async-suspend-in-scope %t -- -isystem %inputs

// LockTypes (which replaces the catalogue's list, so the std:: entries used
// here are kept) names extra lock guards (absl::MutexLock, coro::scoped_lock) and
// extra thread-blocking mutexes whose std:: and boost:: guards count
// (app::spin_lock).
// AllowedAwaitables names awaitables that may be awaited under a lock.

#include <boost/asio.hpp>
#include <coro/coro.hpp>
#include <mutex>

namespace net = boost::asio;

// Mirrors absl/synchronization/mutex.h.
namespace absl {
class Mutex {
public:
  void Lock();
  void Unlock();
};
class MutexLock {
public:
  explicit MutexLock(Mutex *mu);
  MutexLock(const MutexLock &) = delete;
  ~MutexLock();
};
} // namespace absl

namespace app {
struct spin_lock {
  void lock();
  bool try_lock();
  void unlock();
};
// Completes without suspending: a cached value.
struct ready_awaitable {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 0; }
};
} // namespace app

net::awaitable<void> op();
absl::Mutex mu;
app::spin_lock spin;
std::mutex m;

net::awaitable<void> absl_lock_across_await() {
  absl::MutexLock lock(&mu);
  co_await op();
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock' of type 'absl::MutexLock' holds a thread-blocking mutex
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-3]]:19: note: 'lock' holds the lock from here; end the critical section before suspending (close its block) or use an async mutex
}

net::awaitable<void> std_guard_over_listed_mutex() {
  std::unique_lock<app::spin_lock> lock(spin);
  co_await op();
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock' of type 'std::unique_lock<app::spin_lock>' holds a thread-blocking mutex
  lock.unlock();
  co_await op();
}

net::awaitable<void> absl_lock_closed_before_await() {
  {
    absl::MutexLock lock(&mu);
  }
  co_await op();
}

// Allowed awaitables: flagged only without the option.
net::awaitable<void> awaits_ready_value_under_lock() {
  std::lock_guard<std::mutex> guard(m);
  int v = co_await app::ready_awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'co_await' suspends the coroutine while 'guard'
  (void)v;
}

// A regex: any libcoro awaitable (here a task).
coro::task<int> compute();
coro::task<void> awaits_libcoro_task_under_lock() {
  std::lock_guard<std::mutex> guard(m);
  int v = co_await compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'co_await' suspends the coroutine while 'guard'
  (void)v;
}

// libcoro's own guard comes from co_await: silent even when listed.
coro::mutex async_mutex;
coro::task<void> libcoro_scoped_lock() {
  auto lock = co_await async_mutex.lock();
  co_await compute();
}

// RUN: %check_async %s async-suspend-in-scope %t -- -isystem %inputs
// RUN: %host_tidy_plugin --checks='-*,misc-coroutine-hostile-raii' --config="{CheckOptions: {misc-coroutine-hostile-raii.RAIITypesList: 'std::lock_guard;std::scoped_lock;std::unique_lock;std::shared_lock'}}" %s -- -std=c++20 -isystem %inputs 2>&1 | %FileCheck %s --check-prefix=HOSTILE --implicit-check-not="warning:"

// The lock cases of docs/checks/async-suspend-in-scope.md, run through both
// async-suspend-in-scope (CHECK-MESSAGES) and clang-tidy's
// misc-coroutine-hostile-raii configured with the same four std guards
// (HOSTILE). Each case says which of them fires; the table in the doc is
// this file.

#include <async_simple/coro/Lazy.h>
#include <cppcoro/cppcoro.hpp>
#include <folly/coro/Mutex.h>
#include <folly/coro/Task.h>
#include <mutex>
#include <utility>

std::mutex m;
folly::coro::Task<void> op();
void work();
bool ready();
void consume(std::unique_lock<std::mutex> lock);

// 1. Held across co_await: both fire.
folly::coro::Task<void> held_across_await() {
  std::lock_guard<std::mutex> guard(m);
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'guard'
  // HOSTILE: :[[@LINE-3]]:31: warning: 'guard' persists across a suspension point of coroutine [misc-coroutine-hostile-raii]
}

// 2. unlock() before co_await: only hostile-raii fires.
folly::coro::Task<void> unlocked_before_await() {
  std::unique_lock<std::mutex> lock(m);
  work();
  lock.unlock();
  co_await op();
  // HOSTILE: :[[@LINE-4]]:32: warning: 'lock' persists across a suspension point of coroutine
}

// 3. Moved away before co_await: only hostile-raii fires.
folly::coro::Task<void> moved_before_await() {
  std::unique_lock<std::mutex> lock(m);
  consume(std::move(lock));
  co_await op();
  // HOSTILE: :[[@LINE-3]]:32: warning: 'lock' persists across a suspension point of coroutine
}

// 4. Deferred and never locked: only hostile-raii fires.
folly::coro::Task<void> deferred_never_locked() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  co_await op();
  // HOSTILE: :[[@LINE-2]]:32: warning: 'lock' persists across a suspension point of coroutine
}

// 5. Unlocked on one branch only: both fire; ours names the path.
folly::coro::Task<void> unlocked_on_one_branch(bool c) {
  std::unique_lock<std::mutex> lock(m);
  if (c)
    lock.unlock();
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'lock' is still locked on the path where this condition is false
  // HOSTILE: :[[@LINE-6]]:32: warning: 'lock' persists across a suspension point of coroutine
}

// 6. Critical section closed by a block: both silent.
folly::coro::Task<void> block_closed_before_await() {
  {
    std::lock_guard<std::mutex> guard(m);
    work();
  }
  co_await op();
}

// 7. Async mutex guards, produced by co_await: only hostile-raii fires (the
//    guard is a std::unique_lock over the async mutex).
folly::coro::Mutex folly_mutex;
folly::coro::Task<void> folly_scoped_lock() {
  auto lock = co_await folly_mutex.co_scoped_lock();
  co_await op();
  // HOSTILE: :[[@LINE-2]]:8: warning: 'lock' persists across a suspension point of coroutine
}

async_simple::coro::Mutex simple_mutex;
async_simple::coro::Lazy<void> async_simple_scoped_lock() {
  std::unique_lock<async_simple::coro::Mutex> lock = co_await simple_mutex.coScopedLock();
  co_await op();
  // HOSTILE: :[[@LINE-2]]:47: warning: 'lock' persists across a suspension point of coroutine
}

cppcoro::async_mutex cppcoro_mutex;
cppcoro::task<void> cppcoro_scoped_lock() {
  auto lock = co_await cppcoro_mutex.scoped_lock_async();
  co_await op();
}

// 8. The condition-variable idiom, the awaitable takes the lock: only
//    hostile-raii fires.
struct async_condition_variable {
  // Unlocks while the waiter is suspended, relocks before it resumes.
  folly::coro::Task<void> wait(std::unique_lock<std::mutex> &lock);
};
async_condition_variable cv;
folly::coro::Task<void> waits_on_condition() {
  std::unique_lock<std::mutex> lock(m);
  while (!ready())
    co_await cv.wait(lock);
  // HOSTILE: :[[@LINE-3]]:32: warning: 'lock' persists across a suspension point of coroutine
}

// 9. A guard over a mutex that is not thread-blocking: only hostile-raii
//    fires (it matches the guard's name, not the mutex).
struct spin_lock {
  void lock();
  void unlock();
};
spin_lock spin;
folly::coro::Task<void> guard_over_other_mutex() {
  std::lock_guard<spin_lock> guard(spin);
  co_await op();
  // HOSTILE: :[[@LINE-2]]:30: warning: 'guard' persists across a suspension point of coroutine
}

// 10. A lock in an if-statement's init-statement: only ours fires.
folly::coro::Task<void> lock_in_if_init() {
  if (std::lock_guard<std::mutex> guard(m); ready())
    co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'guard'
}

// 11. A lock handed to the coroutine by value: only ours fires.
folly::coro::Task<void> lock_parameter(std::unique_lock<std::mutex> lock) {
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
}

// 12. Relocked after unlock(): both fire.
folly::coro::Task<void> relocked_before_await() {
  std::unique_lock<std::mutex> lock(m);
  lock.unlock();
  lock.lock();
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // HOSTILE: :[[@LINE-5]]:32: warning: 'lock' persists across a suspension point of coroutine
}

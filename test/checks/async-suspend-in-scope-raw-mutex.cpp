// RUN: %check_async %s async-suspend-in-scope %t -- -isystem %inputs

// A blocking mutex locked by hand, m.lock() ... m.unlock(), is followed from
// each lock() call like a lock guard: reported at the suspensions it may
// still be locked at, on some path.

#include <cppcoro/task.hpp>

#include <mutex>
#include <shared_mutex>

cppcoro::task<int> fetch();

std::mutex global_mutex;

cppcoro::task<int> locked_across(std::mutex &m) {
  m.lock();
  int v = co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'co_await' suspends the coroutine while mutex 'm' of type 'std::mutex &' is locked; locking it meanwhile blocks the event loop [async-suspend-in-scope]
  // CHECK-MESSAGES: :[[@LINE-2]]:11: note: the coroutine may resume on another thread and unlock it there
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'm' is locked here; unlock it before suspending, or use an async mutex, whose lock is awaited
  m.unlock();
  co_return v;
}

struct Cache {
  std::shared_mutex mutex_;
  int value_ = 0;

  cppcoro::task<int> refresh(bool quick) {
    mutex_.lock_shared();
    if (quick) {
      mutex_.unlock_shared();
      co_return value_;
    }
    value_ += co_await fetch();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'co_await' suspends the coroutine while mutex 'mutex_' of type 'std::shared_mutex' is locked
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: 'mutex_' is locked here
    mutex_.unlock_shared();
    co_return value_;
  }

  // Unlocked on every path before the suspension.
  cppcoro::task<int> reads() {
    mutex_.lock();
    int copy = value_;
    mutex_.unlock();
    co_return copy + co_await fetch();
  }
};

cppcoro::task<void> global_and_adopted() {
  global_mutex.lock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while mutex 'global_mutex' of type 'std::mutex' is locked
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: 'global_mutex' is locked here
  global_mutex.unlock();
  // Adopted by a guard, which is tracked itself (and closed here).
  global_mutex.lock();
  {
    std::lock_guard<std::mutex> guard(global_mutex, std::adopt_lock);
  }
  co_await fetch();
}

// Locked only after the suspension, or by a lambda that runs elsewhere; a
// try_lock() whose failure path suspends is not followed.
cppcoro::task<void> silent(std::mutex &m) {
  co_await fetch();
  m.lock();
  m.unlock();
  auto later = [&m] { m.lock(); };
  co_await fetch();
  later();
  m.unlock();
  if (!m.try_lock())
    co_await fetch();
}

// A user's own class with lock()/unlock() is not a blocking mutex.
struct Baton {
  void lock();
  void unlock();
};
cppcoro::task<void> passes(Baton &b) {
  b.lock();
  co_await fetch();
  b.unlock();
}

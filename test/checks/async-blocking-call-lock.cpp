// The lock category is off by default: the first RUN must stay silent.
// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=ON --config="{CheckOptions: {async-blocking-call.CheckLock: true}}" %s async-blocking-call %t -- -isystem %inputs

#include <boost/asio.hpp>
#include <chrono>
#include <mutex>
#include <shared_mutex>

using namespace std::chrono_literals;
namespace net = boost::asio;

net::awaitable<void> locks_mutexes(std::mutex &m, std::timed_mutex &tm, std::recursive_mutex &rm,
                                   std::shared_mutex &sm) {
  m.lock();
  // CHECK-MESSAGES-ON: :[[@LINE-1]]:3: warning: 'std::mutex::lock' blocks the event loop's thread (lock), stalling every other task on it [async-blocking-call]
  // CHECK-MESSAGES-ON: :[[@LINE-2]]:3: note: co_await an asynchronous lock instead (corio::semaphore with one unit)
  m.unlock();
  tm.lock();
  // CHECK-MESSAGES-ON: :[[@LINE-1]]:3: warning: 'std::timed_mutex::lock' blocks the event loop's thread
  tm.unlock();
  rm.lock();
  // CHECK-MESSAGES-ON: :[[@LINE-1]]:3: warning: 'std::recursive_mutex::lock' blocks the event loop's thread
  rm.unlock();
  sm.lock_shared();
  // CHECK-MESSAGES-ON: :[[@LINE-1]]:3: warning: 'std::shared_mutex::lock_shared' blocks the event loop's thread
  sm.unlock_shared();
  // Negative: try_lock and its timed forms are left alone.
  if (m.try_lock())
    m.unlock();
  if (tm.try_lock_for(1ms))
    tm.unlock();
  co_return;
}

net::awaitable<void> constructs_locks(std::mutex &a, std::mutex &b, std::shared_mutex &sm,
                                      std::timed_mutex &tm) {
  {
    std::lock_guard<std::mutex> guard(a);
    // CHECK-MESSAGES-ON: :[[@LINE-1]]:33: warning: 'std::lock_guard' blocks the event loop's thread (lock)
    // CHECK-MESSAGES-ON: :[[@LINE-2]]:33: note: co_await an asynchronous lock instead
  }
  {
    std::unique_lock lock(a);
    // CHECK-MESSAGES-ON: :[[@LINE-1]]:22: warning: 'std::unique_lock' blocks the event loop's thread
  }
  {
    std::scoped_lock both(a, b);
    // CHECK-MESSAGES-ON: :[[@LINE-1]]:22: warning: 'std::scoped_lock' blocks the event loop's thread
  }
  {
    std::shared_lock reader(sm);
    // CHECK-MESSAGES-ON: :[[@LINE-1]]:22: warning: 'std::shared_lock' blocks the event loop's thread
  }
  {
    // A timeout bounds the wait but still blocks.
    std::unique_lock timed(tm, 1ms);
    // CHECK-MESSAGES-ON: :[[@LINE-1]]:22: warning: 'std::unique_lock' blocks the event loop's thread
  }
  {
    // Deferred, then locked later: the later lock() blocks.
    std::unique_lock later(a, std::defer_lock);
    later.lock();
    // CHECK-MESSAGES-ON: :[[@LINE-1]]:5: warning: 'std::unique_lock::lock' blocks the event loop's thread
    std::unique_lock other(b, std::defer_lock);
    std::lock(later, other);
    // CHECK-MESSAGES-ON: :[[@LINE-1]]:5: warning: 'std::lock' blocks the event loop's thread
  }
  {
    // Negative: deferred, tried and adopted locks do not wait.
    std::unique_lock tried(a, std::try_to_lock);
    std::shared_lock deferred(sm, std::defer_lock);
    b.lock();
    // CHECK-MESSAGES-ON: :[[@LINE-1]]:5: warning: 'std::mutex::lock' blocks the event loop's thread
    std::lock_guard adopted(b, std::adopt_lock);
    std::scoped_lock<> nothing;
  }
  co_return;
}

// Negative: lock types over something that is not a standard mutex.
struct spin_lock {
  void lock();
  void unlock();
};
net::awaitable<void> locks_a_spin_lock(spin_lock &s) {
  std::lock_guard guard(s);
  co_return;
}

// Negative: an ordinary function may lock.
void ordinary_function(std::mutex &m) { std::lock_guard guard(m); }

// RUN: %check_async %s async-busy-wait %t -- -isystem %inputs

// async-busy-wait on libcoro (the mock of jbaldwin/libcoro): the shapes its
// own code has, a try_lock() spin and a drain loop, each yielding to the
// thread pool between the checks.

#include <coro/coro.hpp>

#include <atomic>

coro::task<void> spins_on_try_lock(coro::thread_pool &tp, coro::mutex &m) {
  while (!m.try_lock()) {
    co_await tp.yield();
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: this loop busy-waits on a condition, waking the coroutine at each yield whether or not anything changed [async-busy-wait]
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: wait for the change instead
  m.unlock();
}

coro::task<void> drains(coro::thread_pool &tp, std::atomic<int> &pending) {
  while (pending.load() > 0)
    co_await tp.yield();
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine at each yield
}

// Left alone: the loop awaits the lock itself.
coro::task<void> locks(coro::thread_pool &tp, coro::mutex &m, std::atomic<bool> &stop) {
  while (!stop) {
    auto lock = co_await m.lock();
    co_await tp.yield();
  }
}

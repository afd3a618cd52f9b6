// RUN: %check_async %s async-detached-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OLD %s async-detached-task %t -- -DLIBCORO_0_11 -isystem %inputs/libcoro-0.11
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-detached-task.CheckLibcoro: false}}" %s async-detached-task %t -- -isystem %inputs

// libcoro: spawn_detached (spawn before 0.12) on a thread_pool or an
// io_scheduler hands the task over and nobody awaits it; libcoro's
// self-deleting wrapper ignores its exception. spawn_joinable returns the
// task to await. With CheckLibcoro off, nothing is reported.

#ifdef LIBCORO_0_11
#include <coro/thread_pool.hpp>

coro::task<void> work();

void spawns_old(coro::thread_pool &pool, coro::io_scheduler &scheduler) {
  pool.spawn(work());
  // CHECK-MESSAGES-OLD: :[[@LINE-1]]:8: warning: 'coro::thread_pool::spawn' detaches the coroutine, so nobody joins it; its exception is silently dropped [async-detached-task]
  scheduler.spawn(work());
  // CHECK-MESSAGES-OLD: :[[@LINE-1]]:13: warning: 'coro::io_scheduler::spawn' detaches the coroutine
}

#else
#include <coro/coro.hpp>

#include <memory>

coro::task<void> work();

coro::task<void> spawns(coro::thread_pool &pool, std::shared_ptr<coro::io_scheduler> scheduler) {
  pool.spawn_detached(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'coro::thread_pool::spawn_detached' detaches the coroutine, so nobody joins it; its exception is silently dropped [async-detached-task]
  if (!scheduler->spawn_detached(work()))
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'coro::io_scheduler::spawn_detached' detaches the coroutine
    co_return;
  co_await pool.spawn_joinable(work());
  auto joined = scheduler->spawn_joinable(work());
  co_await joined;
}

// A spawn_detached of the user's own scheduler is not libcoro's.
struct MyPool {
  bool spawn_detached(coro::task<void> task);
};
void spawns_on_mine(MyPool &pool) { pool.spawn_detached(work()); }
#endif

// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-blocking-call.CheckSyncWait: false}}" %s async-blocking-call %t -- -isystem %inputs

// The sync-wait category: futures, threads, condition variables, semaphores,
// latches, barriers and atomic waits.

#include <atomic>
#include <barrier>
#include <boost/asio.hpp>
#include <chrono>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <semaphore>
#include <thread>

using namespace std::chrono_literals;
namespace net = boost::asio;

net::awaitable<int> waits_on_futures(std::future<int> f, std::shared_future<int> s,
                                     std::future<void> *p) {
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks the event loop's thread (sync-wait), stalling every other task on it [async-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await the operation that fulfils the future instead, or wait on a worker thread with corio::to_thread
  // A zero timeout still enters the wait machinery: flagged too.
  s.wait_for(0s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::shared_future::wait_for' blocks the event loop's thread
  s.wait_until(std::chrono::steady_clock::now());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::shared_future::wait_until' blocks the event loop's thread
  p->get();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::get' blocks the event loop's thread
  co_return f.get() + s.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: 'std::shared_future::get' blocks the event loop's thread
}

// Negative: a future the event loop itself fulfils is async-nested-event-loop's
// finding (waiting on it can never finish); this check stays silent on it.
net::awaitable<int> compute();
net::awaitable<void> waits_on_the_event_loop(net::io_context &ctx, net::ip::tcp::socket &sock,
                                             std::string &data) {
  auto spawned = net::co_spawn(ctx, compute(), net::use_future);
  spawned.get();
  sock.async_read_some(net::buffer(data), net::use_future).wait();
  co_return;
}

// Negative: queries that do not wait.
net::awaitable<bool> polls(std::future<int> &f) { co_return f.valid(); }

net::awaitable<void> joins_threads(std::thread t, std::jthread j) {
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::thread::join' blocks the event loop's thread (sync-wait)
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: run the work as a child task (corio::task_group) instead, or join on a worker thread with corio::to_thread
  j.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::jthread::join' blocks the event loop's thread
  // Negative: detach and joinable do not wait.
  if (t.joinable())
    t.detach();
  co_return;
}

net::awaitable<void> waits_on_conditions(std::mutex &m, std::condition_variable &cv,
                                         std::condition_variable_any &any, bool &ready) {
  // Constructing the lock is the lock category, off by default.
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await an event instead (corio::event)
  cv.wait(lock, [&] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' blocks the event loop's thread
  cv.wait_for(lock, 1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait_for' blocks the event loop's thread
  any.wait_until(lock, std::chrono::steady_clock::now() + 1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable_any::wait_until' blocks the event loop's thread
  // Negative: notifying does not wait.
  cv.notify_one();
  any.notify_all();
  co_return;
}

net::awaitable<void> acquires_semaphores(std::counting_semaphore<4> &pool,
                                         std::binary_semaphore &gate) {
  pool.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::counting_semaphore::acquire' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await an asynchronous semaphore instead (corio::semaphore)
  gate.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::counting_semaphore::acquire' blocks the event loop's thread
  // Negative: the try_ variants are left alone.
  if (gate.try_acquire())
    gate.release();
  (void)pool.try_acquire_for(1ms);
  co_return;
}

net::awaitable<void> meets_at_latches(std::latch &done, std::barrier<> &phase) {
  done.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::latch::wait' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await an event or a task group instead (corio::event, corio::task_group)
  done.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::latch::arrive_and_wait' blocks the event loop's thread
  phase.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::barrier::arrive_and_wait' blocks the event loop's thread
  auto token = phase.arrive();
  phase.wait(std::move(token));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::barrier::wait' blocks the event loop's thread
  // Negative: counting down and polling do not wait.
  done.count_down();
  (void)done.try_wait();
  co_return;
}

net::awaitable<void> waits_on_atomics(std::atomic<int> &counter, std::atomic<bool> &flag,
                                      std::atomic_flag &bit, int &raw) {
  counter.wait(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::atomic::wait' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await an event instead (corio::event)
  flag.wait(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::atomic::wait' blocks the event loop's thread
  bit.wait(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::atomic_flag::wait' blocks the event loop's thread
  std::atomic_ref<int>(raw).wait(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::atomic_ref::wait' blocks the event loop's thread
  std::atomic_wait(&counter, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::atomic_wait' blocks the event loop's thread
  // Negative: loads and notifications do not wait.
  if (counter.load() == 0)
    counter.notify_one();
  co_return;
}

// Negative: a non-coroutine lambda may run elsewhere; an ordinary function
// may block.
net::awaitable<void> defers_the_wait(std::future<int> &f) {
  auto later = [&f] { return f.get(); };
  (void)later;
  co_return;
}
int ordinary_function(std::future<int> &f, std::thread &t) {
  t.join();
  return f.get();
}

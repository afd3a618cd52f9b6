// RUN: %check_async %s async-blocking-call %t -- -I %corio_include -isystem %inputs
// RUN: %check_async --check-suffix=NOTES --fix-notes %s async-blocking-call %t -- -I %corio_include -isystem %inputs
// RUN: %check_async --check-suffix=WRAP --config="{CheckOptions: {async-blocking-call.WrapInToThread: true}}" %s async-blocking-call %t -- -I %corio_include -isystem %inputs

// The corio fix-its: sleep_for becomes corio::sleep_for; other blocking
// statements can move to a worker thread with corio::to_thread, a fix
// attached to a note unless WrapInToThread is on.

#include <chrono>
#include <condition_variable>
#include <corio/corio.hpp>
#include <cstdio>
#include <future>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

corio::task<void> sleeps(std::chrono::milliseconds delay) {
  std::this_thread::sleep_for(delay);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread (sleep), stalling every other task on it [async-blocking-call]
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await corio::sleep_for(delay);{{$}}
  // CHECK-FIXES-NOTES: {{^}}  co_await corio::sleep_for(delay);{{$}}
  // CHECK-FIXES-WRAP: {{^}}  co_await corio::sleep_for(delay);{{$}}
  // Sleeping on a worker thread would only tie it up: a note, no wrap.
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead (corio::sleep_for, asio::steady_timer::async_wait)
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:3: warning: 'sleep' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-4]]:3: warning: 'sleep' blocks the event loop's thread
  co_return;
}

corio::task<int> waits(std::future<int> &f, std::thread &worker) {
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks the event loop's thread (sync-wait)
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: move the call to a worker thread with 'corio::to_thread'
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:3: warning: 'std::future::wait' blocks the event loop's thread
  // CHECK-MESSAGES-NOTES: :[[@LINE-4]]:3: note: move the call to a worker thread with 'corio::to_thread'
  // CHECK-MESSAGES-WRAP: :[[@LINE-5]]:3: warning: 'std::future::wait' blocks the event loop's thread
  // CHECK-FIXES-NOTES: {{^}}  co_await corio::to_thread([&] { f.wait(); });{{$}}
  // CHECK-FIXES-WRAP: {{^}}  co_await corio::to_thread([&] { f.wait(); });{{$}}
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::thread::join' blocks the event loop's thread
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:3: warning: 'std::thread::join' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-3]]:3: warning: 'std::thread::join' blocks the event loop's thread
  // CHECK-FIXES-NOTES: {{^}}  co_await corio::to_thread([&] { worker.join(); });{{$}}
  // CHECK-FIXES-WRAP: {{^}}  co_await corio::to_thread([&] { worker.join(); });{{$}}
  // Not a statement of its own: the note names the alternative.
  int value = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::future::get' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: co_await the operation that fulfils the future instead
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:15: warning: 'std::future::get' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-4]]:15: warning: 'std::future::get' blocks the event loop's thread
  co_return value;
}

corio::task<const char *> next_chunk();
#define FLUSH(file) fflush(file)

corio::task<void> does_io(std::string &line, FILE *file, bool verbose) {
  std::getline(std::cin, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::getline' blocks the event loop's thread (console)
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:3: warning: 'std::getline' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-3]]:3: warning: 'std::getline' blocks the event loop's thread
  // CHECK-FIXES-NOTES: {{^}}  co_await corio::to_thread([&] { std::getline(std::cin, line); });{{$}}
  // CHECK-FIXES-WRAP: {{^}}  co_await corio::to_thread([&] { std::getline(std::cin, line); });{{$}}
  if (verbose)
    fflush(file);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'fflush' blocks the event loop's thread (file-io)
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:5: warning: 'fflush' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-3]]:5: warning: 'fflush' blocks the event loop's thread
  // CHECK-FIXES-NOTES: {{^}}    co_await corio::to_thread([&] { fflush(file); });{{$}}
  // CHECK-FIXES-WRAP: {{^}}    co_await corio::to_thread([&] { fflush(file); });{{$}}
  // A co_await in the arguments cannot move into the lambda.
  fwrite(co_await next_chunk(), 1, 4, file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fwrite' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: run it on a worker thread with corio::to_thread
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:3: warning: 'fwrite' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-4]]:3: warning: 'fwrite' blocks the event loop's thread
  FLUSH(file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fflush' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: run it on a worker thread with corio::to_thread
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:3: warning: 'fflush' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-4]]:3: warning: 'fflush' blocks the event loop's thread
  try {
    co_await corio::yield();
  } catch (const corio::cancelled_error &) {
    // co_await is not allowed in a handler.
    fflush(file);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'fflush' blocks the event loop's thread
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: run it on a worker thread with corio::to_thread
    // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:5: warning: 'fflush' blocks the event loop's thread
    // CHECK-MESSAGES-WRAP: :[[@LINE-4]]:5: warning: 'fflush' blocks the event loop's thread
    throw;
  }
}

// A condition variable wait (like a lock) belongs to the thread holding the
// mutex: it cannot move to a worker.
corio::task<void> waits_on_condition(std::condition_variable &cv, std::unique_lock<std::mutex> &lock) {
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await an event instead (corio::event)
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:3: warning: 'std::condition_variable::wait' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-4]]:3: warning: 'std::condition_variable::wait' blocks the event loop's thread
  co_return;
}

// Templates: reported once, from the instantiations, and without a fix-it
// (it would have to fit every instantiation).
template <class T> corio::task<T> waits_in_template(std::future<T> &f) {
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await the operation that fulfils the future instead
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:3: warning: 'std::future::wait' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-4]]:3: warning: 'std::future::wait' blocks the event loop's thread
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  co_return T{};
}
template corio::task<int> waits_in_template(std::future<int> &);
template corio::task<long> waits_in_template(std::future<long> &);

// Negative: the callable passed to corio::to_thread runs on a worker.
corio::task<int> offloads(std::future<int> &f, FILE *file) {
  co_await corio::to_thread([&] {
    f.wait();
    std::this_thread::sleep_for(1ms);
  });
  co_await corio::to_thread([](FILE *out) { fflush(out); }, file);
  co_await corio::sleep_for(1ms);
  co_return co_await corio::to_thread([&] { return f.get(); });
}

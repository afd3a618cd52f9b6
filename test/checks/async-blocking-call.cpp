// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs

#include <boost/asio.hpp>
#include <chrono>
#include <future>
#include <thread>

namespace net = boost::asio;
using namespace std::chrono_literals;

net::awaitable<void> sleeps_in_coroutine() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs the event loop
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the thread
  co_return;
}

net::awaitable<int> waits_on_futures(std::future<int> f, std::shared_future<void> s) {
  s.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::shared_future::wait' blocks the thread
  s.wait_for(0s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::shared_future::wait_for' blocks the thread
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the thread
}

// A coroutine lambda is a coroutine too.
auto coroutine_lambda = []() -> net::awaitable<void> {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread
  co_return;
};

// Negative: an ordinary function may block.
void ordinary_function(std::future<int> f) {
  std::this_thread::sleep_for(10ms);
  f.get();
}

// Negative: a non-coroutine lambda in a coroutine may run on another thread.
net::awaitable<void> hands_work_to_a_thread() {
  std::thread worker([] { std::this_thread::sleep_for(10ms); });
  worker.detach();
  co_return;
}

// Negative: non-blocking queries of a future.
net::awaitable<bool> polls_future(std::future<int> &f) {
  co_return f.valid();
}

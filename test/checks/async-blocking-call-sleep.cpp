// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-blocking-call.CheckSleep: false}}" %s async-blocking-call %t -- -isystem %inputs

// The sleep category, and the Asio timer fix-it for sleep_for.

#include <asio.hpp>
#include <boost/asio.hpp>
#include <chrono>
#include <cppcoro/cppcoro.hpp>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace std::chrono_literals;
namespace net = boost::asio;

// In an Asio awaitable on the default executor, sleep_for becomes a wait on a
// steady_timer of the coroutine's own executor.
net::awaitable<void> sleeps_in_boost_asio() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread (sleep), stalling every other task on it [async-blocking-call]
  // CHECK-FIXES: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 10ms).async_wait(boost::asio::use_awaitable);{{$}}
  co_return;
}

asio::awaitable<int> sleeps_in_standalone_asio(bool again) {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::seconds(1)).async_wait(asio::use_awaitable);{{$}}
  // A statement of its own in any statement position.
  if (again)
    std::this_thread::sleep_for(2ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}    co_await asio::steady_timer(co_await asio::this_coro::executor, 2ms).async_wait(asio::use_awaitable);{{$}}
  co_return 1;
}

// Matching is on the declaration: a using-declaration, a namespace alias and
// explicit template arguments name the same function.
namespace tt = std::this_thread;
net::awaitable<void> sleeps_under_other_names() {
  using std::this_thread::sleep_for;
  sleep_for(3ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 3ms).async_wait(boost::asio::use_awaitable);{{$}}
  tt::sleep_for(4ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 4ms).async_wait(boost::asio::use_awaitable);{{$}}
  std::this_thread::sleep_for<long, std::milli>(std::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(5)).async_wait(boost::asio::use_awaitable);{{$}}
  co_return;
}

// No fix-it where the timer would not mean the same or not compile; a note
// names the alternative instead.
struct strand_executor {};
#define NAP() std::this_thread::sleep_for(1ms)

net::awaitable<void> sleeps_without_a_fix(std::chrono::duration<double> seconds) {
  // A floating-point count does not convert to the timer's duration.
  std::this_thread::sleep_for(seconds);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead (corio::sleep_for, asio::steady_timer::async_wait); it suspends only this coroutine
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
  try {
    co_await net::steady_timer(co_await net::this_coro::executor, 1s).async_wait(net::use_awaitable);
  } catch (...) {
    // co_await is not allowed in a handler.
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: co_await a timer instead
  }
  // Not a statement of its own.
  (void)(std::this_thread::sleep_for(1ms), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: co_await a timer instead
  // Inside a macro.
  NAP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
}

// use_awaitable produces awaitables on the default executor only.
net::awaitable<void, strand_executor> sleeps_on_another_executor() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
  co_return;
}

// Other frameworks: the warning and a note, no fix.
cppcoro::task<> sleeps_in_cppcoro() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
  co_return;
}

// The POSIX sleeps.
net::awaitable<void> sleeps_the_posix_way() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' blocks the event loop's thread (sleep)
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
  usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' blocks the event loop's thread (sleep)
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
  timespec ts{0, 1000};
  nanosleep(&ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nanosleep' blocks the event loop's thread (sleep)
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
  clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'clock_nanosleep' blocks the event loop's thread (sleep)
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
  co_return;
}

// Negative: ordinary functions and non-coroutine lambdas may sleep.
void ordinary_function() {
  std::this_thread::sleep_for(1ms);
  sleep(1);
}
net::awaitable<void> hands_sleep_to_a_thread() {
  std::thread worker([] { std::this_thread::sleep_for(1ms); usleep(1); });
  worker.detach();
  co_return;
}

// Negative: a function of the same name that is not the POSIX one.
namespace mine {
void sleep(int seconds);
}
net::awaitable<void> calls_its_own_sleep() {
  mine::sleep(1);
  co_await net::steady_timer(co_await net::this_coro::executor, 1ms).async_wait(net::use_awaitable);
}

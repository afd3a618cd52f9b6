// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs

#include <boost/asio.hpp>
#include <chrono>
#include <future>
#include <thread>

namespace net = boost::asio;
using namespace std::chrono_literals;

net::awaitable<void> sleeps_in_coroutine() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 10ms).async_wait(boost::asio::use_awaitable);{{$}}
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the event loop's thread
  co_return;
}

net::awaitable<int> waits_on_futures(std::future<int> f, std::shared_future<void> s) {
  s.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::shared_future::wait' blocks the event loop's thread
  s.wait_for(0s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::shared_future::wait_for' blocks the event loop's thread
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the event loop's thread
}

// A coroutine lambda is a coroutine too.
auto coroutine_lambda = []() -> net::awaitable<void> {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 1ms).async_wait(boost::asio::use_awaitable);{{$}}
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

// Unevaluated operands never run.
net::awaitable<std::size_t> mentions_calls(std::future<int> &f) {
  using result = decltype(f.get());
  constexpr bool nothrow = noexcept(f.wait());
  static_assert(!nothrow);
  result size = sizeof(f.get());
  co_return size + sizeof(std::this_thread::sleep_for(1ms), 0);
}

// A template coroutine is checked through its instantiations and reported
// once per location; a template never instantiated is left alone.
template <class T> net::awaitable<T> waits_in_template(std::future<T> f) {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a timer instead
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the event loop's thread
}
template net::awaitable<int> waits_in_template(std::future<int>);
template net::awaitable<long> waits_in_template(std::future<long>);

template <class T> net::awaitable<void> never_instantiated(std::future<T> f) {
  f.wait();
  std::this_thread::sleep_for(1ms);
  co_return;
}

// A generic lambda coroutine: checked through its calls, once.
auto generic_waiter = [](auto &f) -> net::awaitable<void> {
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks the event loop's thread
  co_return;
};
net::awaitable<void> calls_the_generic_lambda(std::future<int> &a, std::future<long> &b) {
  co_await generic_waiter(a);
  co_await generic_waiter(b);
}

// Each expansion of a macro is its own location.
#define WAIT_FOR(f) (f).wait()
net::awaitable<void> waits_in_macros(std::future<int> &a, std::future<int> &b) {
  WAIT_FOR(a); WAIT_FOR(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await the operation
  // CHECK-MESSAGES: :[[@LINE-3]]:16: warning: 'std::future::wait' blocks the event loop's thread
  co_return;
}

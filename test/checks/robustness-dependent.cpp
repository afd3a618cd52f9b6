// Dependent code: every async-* check runs over templates that are never
// instantiated, templates instantiated several times, generic lambdas,
// constrained coroutines and coroutines in class templates, without crashing
// and reporting each finding once per source location.
// RUN: %check_async --no-fix %s 'async-*' %t -- -isystem %inputs

#include <boost/asio.hpp>
#include <chrono>
#include <concepts>
#include <future>
#include <thread>

namespace net = boost::asio;

// Never instantiated: bodies are dependent, nothing is known about T.
template <class T> net::awaitable<void> never_instantiated(T value) {
  co_await value.frobnicate();
  value.get();
  std::this_thread::sleep_for(value.delay());
  try {
    co_await value();
  } catch (...) {
    throw;
  }
}

template <class T> struct never_instantiated_class {
  net::awaitable<T> member(T t) {
    co_await t.wait();
    co_return t;
  }
};

// Instantiated twice: one diagnostic, not two.
template <class Rep> net::awaitable<void> pause_for(std::chrono::duration<Rep> d) {
  std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}[async-blocking-call]
  co_return;
}
net::awaitable<void> uses_both() {
  co_await pause_for(std::chrono::duration<int>(1));
  co_await pause_for(std::chrono::duration<double>(1.5));
}

// Coroutine member of a class template, instantiated twice.
template <class T> struct poller {
  net::awaitable<T> poll(std::future<T> f) { co_return f.get(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: {{.*}}[async-blocking-call]
};
net::awaitable<void> uses_pollers(std::future<int> a, std::future<long> b) {
  co_await poller<int>{}.poll(std::move(a));
  co_await poller<long>{}.poll(std::move(b));
}

// Generic lambda coroutine, called with two types.
inline auto generic = [](auto delay) -> net::awaitable<void> {
  std::this_thread::sleep_for(delay);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}[async-blocking-call]
  co_return;
};
net::awaitable<void> uses_generic() {
  co_await generic(std::chrono::milliseconds(1));
  co_await generic(std::chrono::seconds(1));
}

// Constrained coroutine.
template <std::integral I> net::awaitable<I> twice(I i) { co_return i * 2; }
net::awaitable<int> uses_twice() { co_return co_await twice(21); }

// A macro that expands to a suspension, and one that expands to a blocking call.
#define AWAIT(x) co_await (x)
#define NAP() std::this_thread::sleep_for(std::chrono::milliseconds(1))
net::awaitable<void> through_macros() {
  AWAIT(pause_for(std::chrono::duration<int>(0)));
  NAP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}[async-blocking-call]
}

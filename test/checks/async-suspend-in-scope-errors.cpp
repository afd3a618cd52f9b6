// RUN: %check_async %s async-suspend-in-scope %t -- -isystem %inputs -Wno-error

// Broken code next to the patterns: no crash, and the valid parts are still
// analysed.

#include <boost/asio.hpp>
#include <mutex>

namespace net = boost::asio;

std::mutex m;
net::awaitable<void> op();

net::awaitable<void> undeclared_call_under_lock() {
  std::lock_guard<std::mutex> guard(m);
  undeclared_function();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'undeclared_function'
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'guard'
}

net::awaitable<void> guard_over_unknown_type() {
  std::lock_guard<unknown_mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: error: use of undeclared identifier 'unknown_mutex'
  co_await op();
}

net::awaitable<void> awaits_non_awaitable() {
  std::unique_lock<std::mutex> lock(m);
  co_await 42;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: member reference base type 'int' is not a structure or union
  lock.unlock();
  co_await op();
}

struct not_a_coroutine_type {};
not_a_coroutine_type no_promise() {
  // CHECK-MESSAGES: :[[@LINE-1]]:22: error: this function cannot be a coroutine: 'std::coroutine_traits<not_a_coroutine_type>' has no member named 'promise_type'
  std::lock_guard<std::mutex> guard(m);
  co_await op();
}

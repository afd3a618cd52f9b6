// Invalid code: recovery expressions and broken coroutines must not crash any
// async-* check, and no check may report on code clang could not make sense of.
// RUN: %check_async %s 'async-*' %t -- -isystem %inputs

#include <boost/asio.hpp>
#include <thread>

namespace net = boost::asio;

net::awaitable<void> calls_undeclared() {
  co_await undeclared_function(1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: error: use of undeclared identifier 'undeclared_function'
  std::this_thread::sleep_for(undeclared_value);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: error: use of undeclared identifier 'undeclared_value'
}

net::awaitable<void> awaits_non_awaitable() {
  co_await 42;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: member reference base type 'int' is not a structure or union
}

struct no_promise {};
no_promise coroutine_without_promise() {
  // CHECK-MESSAGES: :[[@LINE-1]]:12: error: this function cannot be a coroutine
  co_return;
}

net::awaitable<void> catches_unknown_type() {
  try {
    co_await calls_undeclared();
  } catch (const unknown_error &e) {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: error: unknown type name 'unknown_error'
  }
}

// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs -I %corio_include

// Compile errors nearby: no crash, the valid calls are still reported, and
// no fix-it is applied to a file that does not compile.

#include <boost/asio.hpp>
#include <corio/corio.hpp>
#include <future>
#include <thread>

using namespace std::chrono_literals;
namespace net = boost::asio;

net::awaitable<void> broken_arguments(std::future<int> &f) {
  std::this_thread::sleep_for(undeclared_duration);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: error: use of undeclared identifier 'undeclared_duration' [clang-diagnostic-error]
  f.wait(42);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: too many arguments to function call, expected 0, have 1 [clang-diagnostic-error]
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  co_return;
}

corio::task<void> broken_statement(std::future<int> &f) {
  undeclared_function();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'undeclared_function' [clang-diagnostic-error]
  f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::get' blocks the event loop's thread
  co_return;
}

// An invalid template is not instantiated: nothing to check.
template <class T> net::awaitable<T> broken_template(std::future<T> &f) {
  f.wait();
  co_return f.get() + missing<T>;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: error: use of undeclared identifier 'missing' [clang-diagnostic-error]
}
template net::awaitable<int> broken_template(std::future<int> &);

unknown_type<void> broken_return_type(std::future<int> &f) {
  // CHECK-MESSAGES: :[[@LINE-1]]:1: error: no template named 'unknown_type' [clang-diagnostic-error]
  // CHECK-MESSAGES: :[[@LINE-2]]:20: error: this function cannot be a coroutine
  f.wait();
  co_return;
}

// RUN: %check_async %s async-blocking-call %t --

// The Asio sleep fix-it on the real Boost.Asio headers when only
// <boost/asio/awaitable.hpp> is included: it adds the headers declaring
// steady_timer and use_awaitable (this_coro comes with awaitable.hpp), and
// the fixed file compiles.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <thread>

// CHECK-FIXES: {{^}}#include <boost/asio/steady_timer.hpp>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <boost/asio/use_awaitable.hpp>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <chrono>{{$}}

boost::asio::awaitable<void> pauses(std::chrono::milliseconds delay) {
  std::this_thread::sleep_for(delay);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread (sleep), stalling every other task on it [async-blocking-call]
  // CHECK-FIXES: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, delay).async_wait(boost::asio::use_awaitable);{{$}}
  co_return;
}

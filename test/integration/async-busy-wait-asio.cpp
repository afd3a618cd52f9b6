// RUN: %check_async %s async-busy-wait %t --

// async-busy-wait over the real Boost.Asio 1.81 headers: steady_timer waits
// and post/defer awaited with use_awaitable (Asio's yield).

#include <boost/asio/awaitable.hpp>
#include <boost/asio/defer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <chrono>

namespace net = boost::asio;
using namespace std::chrono_literals;

std::atomic<bool> ready{false};

net::awaitable<void> polls_with_a_timer() {
  net::steady_timer timer(co_await net::this_coro::executor);
  while (!ready) {
    timer.expires_after(10ms);
    co_await timer.async_wait(net::use_awaitable);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 10ms whether or not anything changed [async-busy-wait]
  // CHECK-MESSAGES: :[[@LINE-5]]:10: note: wait for the change instead
}

net::awaitable<void> polls_with_yields() {
  auto executor = co_await net::this_coro::executor;
  while (!ready)
    co_await net::post(executor, net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine at each yield
  for (;;) {
    if (ready)
      break;
    co_await net::defer(net::use_awaitable);
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:3: warning: this loop busy-waits on a condition, waking the coroutine at each yield
}

// Left alone: a periodic timer without a polled condition, and a long period.
net::awaitable<void> ticks() {
  net::steady_timer timer(co_await net::this_coro::executor);
  for (;;) {
    timer.expires_after(10ms);
    co_await timer.async_wait(net::use_awaitable);
  }
}

net::awaitable<void> checks_rarely() {
  net::steady_timer timer(co_await net::this_coro::executor);
  while (!ready) {
    timer.expires_after(std::chrono::minutes(1));
    co_await timer.async_wait(net::use_awaitable);
  }
}

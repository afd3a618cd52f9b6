// RUN: %check_async %s async-busy-wait %t -- -isystem %inputs

// async-busy-wait on Asio timers (the mock of Boost.Asio and standalone
// Asio): the interval is what the loop sets on the timer it awaits, through
// expires_after or the timer's constructor.

#include <asio.hpp>
#include <boost/asio.hpp>

#include <atomic>
#include <chrono>

namespace net = boost::asio;
using namespace std::chrono_literals;

std::atomic<bool> ready{false};
net::awaitable<std::size_t> read_some();

net::awaitable<void> polls_with_a_timer(net::steady_timer &timer) {
  while (!ready) {
    timer.expires_after(1ms);
    co_await timer.async_wait(net::use_awaitable);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 1ms whether or not anything changed [async-busy-wait]
  // CHECK-MESSAGES: :[[@LINE-5]]:10: note: wait for the change instead
}

net::awaitable<void> polls_with_a_timer_per_round(net::io_context &io) {
  while (!ready) {
    net::steady_timer timer(io, 5ms);
    co_await timer.async_wait(net::use_awaitable);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 5ms
  while (!ready)
    co_await net::steady_timer(io, 200ms).async_wait(net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 200ms
}

asio::awaitable<void> polls_in_standalone_asio(asio::steady_timer &timer) {
  for (;;) {
    if (ready)
      co_return;
    timer.expires_after(std::chrono::milliseconds(10));
    co_await timer.async_wait(asio::use_awaitable);
  }
  // CHECK-MESSAGES: :[[@LINE-6]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 10ms
}

// Left alone.

net::awaitable<void> reads_between_waits(net::steady_timer &timer) {
  while (!ready) {
    co_await read_some();
    timer.expires_after(1ms);
    co_await timer.async_wait(net::use_awaitable);
  }
}

net::awaitable<void> ticks_on_a_long_period(net::steady_timer &timer) {
  while (!ready) {
    timer.expires_after(5s);
    co_await timer.async_wait(net::use_awaitable);
  }
}

// The expiry is set elsewhere (an absolute deadline, or another owner's
// interval): nothing says how long each wait is.
net::awaitable<void> waits_for_an_expiry_set_elsewhere(net::steady_timer &timer) {
  while (!ready)
    co_await timer.async_wait(net::use_awaitable);
}

net::awaitable<void> backs_off(net::steady_timer &timer) {
  auto delay = std::chrono::milliseconds(1);
  while (!ready) {
    timer.expires_after(delay);
    co_await timer.async_wait(net::use_awaitable);
    delay *= 2;
  }
}

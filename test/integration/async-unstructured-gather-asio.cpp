// RUN: %check_async %s async-unstructured-gather %t --

// async-unstructured-gather on the real Boost.Asio headers: a parallel group
// waited for with wait_for_all() cancels nothing, and its completion values
// hold every error; wait_for_one_error() and the awaitable operators cancel
// the rest.

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/parallel_group.hpp>

#include <chrono>

namespace net = boost::asio;
using namespace net::experimental::awaitable_operators;

net::awaitable<void> wait_both(net::steady_timer &a, net::steady_timer &b) {
  co_await net::experimental::make_parallel_group(a.async_wait(net::deferred),
                                                  b.async_wait(net::deferred))
      .async_wait(net::experimental::wait_for_all(), net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the results of 'parallel_group::async_wait(wait_for_all())' are discarded, and with them the failures of its tasks [async-unstructured-gather]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: it waits for every task and cancels none when one fails; each failure stays in its task's result
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: use 'wait_for_one_error()' or the awaitable operator '&&' instead, which cancels the other tasks when one fails
}

net::awaitable<void> negatives(net::steady_timer &a, net::steady_timer &b) {
  // The completion values are read.
  auto [order, ea, eb] = co_await net::experimental::make_parallel_group(
                             a.async_wait(net::deferred), b.async_wait(net::deferred))
                             .async_wait(net::experimental::wait_for_all(), net::use_awaitable);
  if (ea || eb || order[0] > 1)
    co_return;
  // Cancels the other operation when one fails.
  co_await net::experimental::make_parallel_group(a.async_wait(net::deferred),
                                                  b.async_wait(net::deferred))
      .async_wait(net::experimental::wait_for_one_error(), net::use_awaitable);
  co_await (a.async_wait(net::use_awaitable) && b.async_wait(net::use_awaitable));
}

int main() {
  net::io_context io;
  net::steady_timer a(io, std::chrono::milliseconds(1)), b(io, std::chrono::milliseconds(2));
  net::co_spawn(io, wait_both(a, b), [](std::exception_ptr) {});
  net::co_spawn(io, negatives(a, b), [](std::exception_ptr) {});
  io.run();
}

// RUN: %check_async --no-fix %s async-blocking-call,async-nested-event-loop %t -- -isystem %inputs

// A coroutine waiting on a future from co_spawn(..., use_future) blocks
// either way: a deadlock when the context is the coroutine's own loop, a
// blocked loop otherwise. Whatever the context (a parameter, another pool, a
// temporary future, a named one), exactly one of the two checks reports each
// wait: async-nested-event-loop when the future is known to come from an
// event loop, async-blocking-call when it is only known to be a std::future.

#include <boost/asio.hpp>

#include <future>

namespace net = boost::asio;

net::awaitable<int> compute();

net::awaitable<int> waits(net::io_context &ctx, net::thread_pool &pool) {
  auto f = net::co_spawn(ctx, compute(), net::use_future);
  int v = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::future::get' blocks a coroutine on a future that an event loop fulfils, and with it the event loop running the coroutine [async-nested-event-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: the future comes from here; pass 'use_awaitable' instead of 'use_future' and 'co_await' this call
  auto g = net::co_spawn(pool.get_executor(), compute(), net::use_future);
  g.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks a coroutine on a future that an event loop fulfils
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: the future comes from here
  v += net::co_spawn(ctx.get_executor(), compute(), net::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future::get' blocks a coroutine on a future that an event loop fulfils
  // Assigned after its declaration: only its type is known here.
  std::future<int> later;
  later = net::co_spawn(ctx, compute(), net::use_future);
  v += later.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future::get' blocks the event loop's thread (sync-wait), stalling every other task on it [async-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: co_await the operation that fulfils the future instead, or wait on a worker thread with corio::to_thread
  co_return v;
}

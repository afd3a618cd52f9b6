// RUN: %check_async %s async-nested-event-loop %t --

// async-nested-event-loop on the real Boost.Asio headers (libboost1.81-dev):
// the matchers fire on the real io_context and use_future declarations, the
// use_awaitable rewrite compiles against them, and the negatives stay silent.

#include <boost/asio.hpp>

#include <cstddef>
#include <future>
#include <thread>

namespace net = boost::asio;
using net::ip::tcp;

net::awaitable<int> compute() { co_return 42; }

net::awaitable<void> runs_nested(net::io_context &io) {
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine; the event loop running the coroutine is blocked until it returns [async-nested-event-loop]
  io.poll_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll_one' runs an event loop inside a coroutine
  co_return;
}

net::awaitable<std::size_t> waits_on_futures(tcp::socket &socket) {
  auto executor = co_await net::this_coro::executor;
  int answer = net::co_spawn(executor, compute(), net::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::future::get' blocks a coroutine on a future that an event loop fulfils
  // CHECK-FIXES: int answer = co_await net::co_spawn(executor, compute(), net::use_awaitable);
  char data[128];
  std::size_t n = socket.async_read_some(net::buffer(data), net::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: std::size_t n = co_await socket.async_read_some(net::buffer(data), net::use_awaitable);
  std::future<std::size_t> written = net::async_write(socket, net::buffer(data, n), net::use_future);
  written.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks a coroutine on a future
  // CHECK-MESSAGES: :[[@LINE-3]]:38: note: the future comes from here; pass 'use_awaitable' instead of 'use_future' and 'co_await' this call
  co_return n + static_cast<std::size_t>(answer);
}

// A synchronous helper that a coroutine calls: the loop is reported with the
// chain that reaches it (the get() after run() is part of the same finding).
int fetch_sync(net::io_context &io) {
  std::future<int> result = net::co_spawn(io, compute(), net::use_future);
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside 'fetch_sync', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: coroutine 'session' calls 'drain' here
  // CHECK-MESSAGES: :[[@LINE+3]]:41: note: 'drain' calls 'fetch_sync' here
  return result.get();
}
int drain(net::io_context &io) { return fetch_sync(io); }
net::awaitable<int> session(net::io_context &io) {
  drain(io);
  co_return co_await compute();
}

// Negatives: a worker thread's loop, a handler posted to another context,
// and main.
void worker_main(net::io_context &io) { io.run(); }

net::awaitable<void> starts_workers(net::io_context &background) {
  std::thread worker(worker_main, std::ref(background));
  net::post(background, [&background] { background.poll(); });
  worker.detach();
  co_return;
}

int main() {
  net::io_context io;
  net::co_spawn(io, session(io), net::detached);
  net::co_spawn(io, starts_workers(io), net::detached);
  io.run();
  return fetch_sync(io);
}

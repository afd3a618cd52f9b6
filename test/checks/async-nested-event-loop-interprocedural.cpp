// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs

// Loops run by ordinary functions that a coroutine calls, directly or
// through other functions: the warning is at the loop, with one note per
// call on the way from the coroutine. The depth limit is tested in
// async-nested-event-loop-depth.cpp.

#include <boost/asio.hpp>

#include <future>
#include <thread>

namespace net = boost::asio;

net::awaitable<int> compute();

// Depth 1.
void pump(net::io_context &io) {
  io.poll();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside 'pump', which a coroutine calls; the event loop running the coroutine is blocked until it returns [async-nested-event-loop]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: coroutine 'depth_one' calls 'pump' here
}

net::awaitable<void> depth_one(net::io_context &io) {
  pump(io);
  co_return;
}

// Depth 2, through a function declared before it is defined.
void run_until_idle(net::io_context &io);
void settle(net::io_context &io) { run_until_idle(io); }

net::awaitable<void> depth_two(net::io_context &io) {
  co_await compute();
  settle(io);
  co_return;
}

void run_until_idle(net::io_context &io) {
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside 'run_until_idle', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: coroutine 'depth_two' calls 'settle' here
  // CHECK-MESSAGES: :[[@LINE-12]]:36: note: 'settle' calls 'run_until_idle' here
}

// Recursion: every function is visited once, by its shortest chain.
void drain_all(net::io_context &io, int rounds);
void drain_one(net::io_context &io, int rounds) {
  if (rounds > 0)
    drain_all(io, rounds - 1);
  io.poll_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll_one' runs an event loop inside 'drain_one', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+10]]:3: note: coroutine 'recursive' calls 'drain_all' here
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'drain_all' calls 'drain_one' here
}
void drain_all(net::io_context &io, int rounds) {
  if (rounds > 0) {
    drain_one(io, rounds);
    drain_all(io, rounds - 1);
  }
}
net::awaitable<void> recursive(net::io_context &io) {
  drain_all(io, 3);
  co_return;
}

// Negative: recursion with no loop anywhere terminates silently.
int ping(int n);
int pong(int n) { return n > 0 ? ping(n - 1) : 0; }
int ping(int n) { return pong(n); }
net::awaitable<int> recursion_without_loop() { co_return ping(3); }

// A helper reached from two coroutines, at two depths: one warning, with
// the shorter chain.
void flush(net::io_context &io) { io.poll(); }
// CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'boost::asio::io_context::poll' runs an event loop inside 'flush', which a coroutine calls
// CHECK-MESSAGES: :[[@LINE+10]]:3: note: coroutine 'first_user' calls 'flush' here
void flush_twice(net::io_context &io) {
  flush(io);
  flush(io);
}
net::awaitable<void> second_user(net::io_context &io) {
  flush_twice(io);
  co_return;
}
net::awaitable<void> first_user(net::io_context &io) {
  flush(io);
  co_return;
}

// Member functions.
class Server {
public:
  net::awaitable<void> serve();

private:
  void drain() { io_.run_for(std::chrono::milliseconds(5)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'boost::asio::io_context::run_for' runs an event loop inside 'Server::drain', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: coroutine 'Server::serve' calls 'Server::drain' here
  net::io_context io_;
};
net::awaitable<void> Server::serve() {
  drain();
  co_return;
}

// Lambdas the coroutine calls run on its thread.
net::awaitable<void> calls_lambdas(net::io_context &io) {
  auto flush_now = [&io] { io.poll(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'boost::asio::io_context::poll' runs an event loop inside a lambda, which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: coroutine 'calls_lambdas' calls a lambda here
  flush_now();
  [&io] { io.run_one(); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'boost::asio::io_context::run_one' runs an event loop inside a lambda, which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: coroutine 'calls_lambdas' calls a lambda here
  co_return;
}

// A coroutine lambda as the start of the chain.
void restart_and_poll(net::io_context &io) {
  io.restart();
  io.poll();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside 'restart_and_poll', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a coroutine lambda calls 'restart_and_poll' here
}
auto coroutine_lambda = [](net::io_context &io) -> net::awaitable<void> {
  restart_and_poll(io);
  co_return;
};

// A future waited on in a helper: no fix there (the helper cannot co_await).
int fetch_blocking(net::io_context &io) {
  return net::co_spawn(io, compute(), net::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::future::get' blocks 'fetch_blocking', which a coroutine calls, on a future that an event loop fulfils, and with it the event loop running the coroutine [async-nested-event-loop]
  // CHECK-MESSAGES: :[[@LINE+2]]:65: note: coroutine 'uses_fetch' calls 'fetch_blocking' here
}
net::awaitable<int> uses_fetch(net::io_context &io) { co_return fetch_blocking(io); }

// A helper that runs the loop itself is reported at the loop only: its wait
// on the future afterwards is part of the same finding.
int run_then_get(net::io_context &io) {
  auto result = net::co_spawn(io, compute(), net::use_future);
  io.run_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run_one' runs an event loop inside 'run_then_get', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+3]]:72: note: coroutine 'uses_run_then_get' calls 'run_then_get' here
  return result.get();
}
net::awaitable<int> uses_run_then_get(net::io_context &io) { co_return run_then_get(io); }

// A coroutine that a coroutine awaits is reported on its own, once.
net::awaitable<void> inner(net::io_context &io) {
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine;
  co_return;
}
net::awaitable<void> outer(net::io_context &io) { co_await inner(io); }

// A template helper instantiated twice: one warning.
template <class T> T poll_then(net::io_context &io, T value) {
  io.poll();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside 'poll_then', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+4]]:13: note: coroutine 'uses_template' calls 'poll_then' here
  return value;
}
net::awaitable<double> uses_template(net::io_context &io) {
  co_return poll_then(io, 1) + poll_then(io, 2.0);
}

// Negative: a thread's entry function owns its thread's loop, even when a
// coroutine also calls it.
void io_thread(net::io_context &io) { io.run(); }
net::awaitable<void> starts_thread(net::io_context &io) {
  std::thread worker(&io_thread, std::ref(io));
  worker.detach();
  io_thread(io);
  co_return;
}

// Negative: calls through pointers are not followed.
void via_pointer(net::io_context &io) { io.run(); }
net::awaitable<void> calls_through_pointer(net::io_context &io) {
  void (*target)(net::io_context &) = &via_pointer;
  target(io);
  co_return;
}

// Negative: functions that only main or other plain functions call.
void serve_forever(net::io_context &io) { io.run(); }
void start(net::io_context &io) { serve_forever(io); }
int main() {
  net::io_context io;
  start(io);
}

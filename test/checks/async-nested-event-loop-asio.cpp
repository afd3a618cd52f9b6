// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs

// Event loops run, and event-loop futures waited on, directly in Asio
// coroutines (boost::asio and standalone asio). The call-chain cases are in
// async-nested-event-loop-interprocedural.cpp.

#include <asio.hpp>
#include <boost/asio.hpp>
#include <cppcoro/task.hpp>

#include <chrono>
#include <future>
#include <string>
#include <thread>

namespace net = boost::asio;
using namespace std::chrono_literals;

net::awaitable<int> compute();
net::awaitable<void> notify();

net::awaitable<void> runs_the_loop(net::io_context &io) {
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine; the event loop running the coroutine is blocked until it returns [async-nested-event-loop]
  io.run_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run_one' runs an event loop inside a coroutine
  io.run_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run_for' runs an event loop inside a coroutine
  io.run_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run_until' runs an event loop inside a coroutine
  io.poll();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside a coroutine
  io.poll_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll_one' runs an event loop inside a coroutine
  co_return;
}

// A fresh io_context does not help: its run() still blocks this thread.
net::awaitable<void> runs_a_local_loop() {
  net::io_context local;
  net::co_spawn(local, notify(), net::detached);
  local.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine
  co_return;
}

asio::awaitable<void> standalone(asio::io_context &io) {
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::io_context::run' runs an event loop inside a coroutine
  io.poll_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::io_context::poll_one' runs an event loop inside a coroutine
  co_return;
}

// A coroutine lambda is a coroutine too.
auto coroutine_lambda = [](net::io_context &io) -> net::awaitable<void> {
  io.poll();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside a coroutine
  co_return;
};

// use_future + get: the direct call is rewritten to co_await with
// use_awaitable, spelled the way the token was.
net::awaitable<int> waits_on_spawned(net::io_context &io) {
  int value = net::co_spawn(io, compute(), net::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::future::get' blocks a coroutine on a future that an event loop fulfils, and with it the event loop running the coroutine [async-nested-event-loop]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: the coroutine deadlocks if that event loop is the one that must fulfil the future
  // CHECK-FIXES: int value = co_await net::co_spawn(io, compute(), net::use_awaitable);
  co_return value;
}

net::awaitable<void> waits_on_operations(net::ip::tcp::socket &sock, net::steady_timer &timer) {
  char data[64];
  std::size_t n = sock.async_read_some(net::buffer(data), boost::asio::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: std::size_t n = co_await sock.async_read_some(net::buffer(data), boost::asio::use_awaitable);
  net::async_write(sock, net::buffer(data, n), net::use_future)
      .get();
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: co_await net::async_write(sock, net::buffer(data, n), net::use_awaitable);
  // CHECK-FIXES-NEXT: {{^}}  //{{$}}
  timer.async_wait(net::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: co_await timer.async_wait(net::use_awaitable);
  co_return;
}

// An unqualified token is replaced by the qualified use_awaitable, since a
// using-declaration for use_future does not bring use_awaitable along.
net::awaitable<std::size_t> unqualified_token(net::ip::tcp::socket &sock, std::string &line) {
  using boost::asio::use_future;
  co_return net::async_read_until(sock, net::dynamic_buffer(line), "\n", use_future).get() + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: co_return co_await net::async_read_until(sock, net::dynamic_buffer(line), "\n", boost::asio::use_awaitable) + 1;
}

// The result used by a postfix operator keeps binding to the awaited value.
net::awaitable<std::size_t> postfix_use(net::ip::tcp::resolver &resolver) {
  auto count = resolver.async_resolve("example.com", "80", net::use_future).get().size();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: auto count = (co_await resolver.async_resolve("example.com", "80", net::use_awaitable)).size();
  co_return count;
}

// An argument or an index needs no parentheses.
std::size_t twice(std::size_t v) { return 2 * v; }
net::awaitable<std::size_t> argument_use(net::ip::tcp::socket &sock, std::string &line,
                                         std::size_t *sizes) {
  std::size_t n = twice(net::async_read_until(sock, net::dynamic_buffer(line), "\n", net::use_future).get());
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: std::size_t n = twice(co_await net::async_read_until(sock, net::dynamic_buffer(line), "\n", net::use_awaitable));
  n += sizes[net::async_read_until(sock, net::dynamic_buffer(line), "\n", net::use_future).get()];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: n += sizes[co_await net::async_read_until(sock, net::dynamic_buffer(line), "\n", net::use_awaitable)];
  co_return n;
}

asio::awaitable<void> standalone_notify();
asio::awaitable<void> standalone_future(asio::io_context &io) {
  asio::co_spawn(io, standalone_notify(), asio::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-FIXES: co_await asio::co_spawn(io, standalone_notify(), asio::use_awaitable);
  co_return;
}

// Without a direct call to rewrite, a note points at where the future is
// made; wait() has no rewrite (co_await would throw where wait() does not).
net::awaitable<void> waits_on_variable(net::io_context &io) {
  std::future<int> f = net::co_spawn(io, compute(), net::use_future);
  // CHECK-MESSAGES: :[[@LINE+2]]:3: warning: 'std::future::wait' blocks a coroutine on a future
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: the future comes from here; pass 'use_awaitable' instead of 'use_future' and 'co_await' this call
  f.wait();
  auto g = net::co_spawn(io, notify(), net::use_future);
  g.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::get' blocks a coroutine on a future
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: the future comes from here
  net::co_spawn(io, notify(), net::use_future).wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks a coroutine on a future
  co_return;
}

// co_await is not allowed in a handler: warning without a fix.
net::awaitable<int> waits_in_handler(net::io_context &io) {
  try {
    co_return co_await compute();
  } catch (...) {
    int fallback = net::co_spawn(io, compute(), net::use_future).get();
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'std::future::get' blocks a coroutine on a future
    (void)fallback;
  }
  co_return 0;
}

// Nor in a static local's initializer.
net::awaitable<int> waits_in_static_init(net::io_context &io) {
  static int cached = net::co_spawn(io, compute(), net::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'std::future::get' blocks a coroutine on a future
  co_return cached;
}

// Nor when the token comes from a macro.
#define FUTURE_TOKEN net::use_future
net::awaitable<int> token_in_macro(net::io_context &io) {
  co_return net::co_spawn(io, compute(), FUTURE_TOKEN).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks a coroutine on a future
}

// A coroutine of another framework cannot co_await an Asio operation:
// warnings without a fix or a note.
cppcoro::task<int> other_framework(net::io_context &io) {
  auto f = net::co_spawn(io, compute(), net::use_future);
  int first = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::future::get' blocks a coroutine on a future
  co_return first + net::co_spawn(io, compute(), net::use_future).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::future::get' blocks a coroutine on a future
}

// Negative: futures that no event loop fulfils are async-blocking-call's.
net::awaitable<int> other_futures(std::future<int> given) {
  std::promise<int> p;
  std::future<int> mine = p.get_future();
  co_return given.get() + mine.get();
}

// Negative: a bounded wait, here a readiness poll.
net::awaitable<bool> polls_future(net::io_context &io) {
  auto f = net::co_spawn(io, compute(), net::use_future);
  co_return f.wait_for(0s) == std::future_status::ready;
}

// Negative: main and ordinary functions no coroutine calls may run loops.
void run_server(net::io_context &io) {
  io.run();
  net::co_spawn(io, compute(), net::use_future).get();
}

int main() {
  net::io_context io;
  net::co_spawn(io, notify(), net::detached);
  io.run();
  return net::co_spawn(io, compute(), net::use_future).get();
}

// Negative: work handed to another thread or posted to another executor
// runs elsewhere, even when written inside a coroutine.
void thread_main(net::io_context &io) { io.run(); }

net::awaitable<void> hands_loops_elsewhere(net::io_context &io, net::io_context &other) {
  std::thread worker(thread_main, std::ref(io));
  std::jthread lambda_worker([&other] { other.run(); });
  net::post(other, [&other] { other.poll(); });
  net::post(other.get_executor(), [&] { net::co_spawn(other, compute(), net::use_future).get(); });
  worker.join();
  co_return;
}

// Negative: unevaluated operands run nothing.
net::awaitable<void> unevaluated(net::io_context &io) {
  using Count = decltype(io.run());
  static_assert(sizeof(io.poll()) == sizeof(Count));
  static_assert(!noexcept(io.run_one()));
  co_return;
}

// Negative: queries of the loop's state are not loops.
net::awaitable<bool> queries(net::io_context &io) {
  io.restart();
  co_return io.stopped();
}

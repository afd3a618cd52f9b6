// RUN: %check_async --fix-notes %s async-dangling-reference,async-dangling-capture %t -- -I %corio_include

// On the real Boost.Asio headers: a session coroutine that takes its
// greeting by reference, started detached from a function whose local dies
// first, and a capturing lambda coroutine invoked on the spot and detached;
// the capture fix (pass the lambda to co_spawn) must compile against Asio.

#include <boost/asio.hpp>

#include <string>
#include <utility>

namespace net = boost::asio;
using net::ip::tcp;

net::awaitable<void> greet(tcp::socket socket, const std::string &greeting) {
  co_await net::async_write(socket, net::buffer(greeting), net::use_awaitable);
}

void accept_one(net::io_context &io, tcp::socket socket) {
  std::string greeting = "hello\n";
  net::co_spawn(io, greet(std::move(socket), greeting), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: local variable 'greeting' bound to reference parameter 'greeting' of coroutine 'greet' is destroyed before the coroutine finishes [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE+8]]:1: note: 'greeting' is destroyed here, but the task runs on detached
  // CHECK-MESSAGES: :16:67: note: take the parameter by value
  int served = 0;
  net::co_spawn(io, [&served]() -> net::awaitable<void> { ++served; co_return; }(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is started detached [async-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:98: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: pass the lambda itself: 'boost::asio::co_spawn' keeps it alive until its coroutine finishes
  // CHECK-FIXES: {{^}}  net::co_spawn(io, [&served]() -> net::awaitable<void> { ++served; co_return; }, net::detached);
}

// Silent: awaited at once, so the temporary and the closure outlive the
// coroutine.
net::awaitable<void> serve_awaited(tcp::socket socket) {
  auto ex = co_await net::this_coro::executor;
  co_await net::co_spawn(ex, greet(std::move(socket), std::string("hi\n")), net::use_awaitable);
  int n = 0;
  co_await net::co_spawn(ex, [&n]() -> net::awaitable<void> { ++n; co_return; }(), net::use_awaitable);
  co_await [&n]() -> net::awaitable<void> { ++n; co_return; }();
}

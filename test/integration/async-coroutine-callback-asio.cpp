// RUN: %check_async %s async-coroutine-callback %t --

// async-coroutine-callback over the real Boost.Asio 1.81 headers: a
// coroutine posted or dispatched as a handler, or stored in a
// std::function<void()>; co_spawn keeps the awaitable.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <functional>

namespace net = boost::asio;

net::awaitable<void> serve();

void schedules(net::io_context &io) {
  net::post(io, []() -> net::awaitable<void> { co_await serve(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'boost::asio::post' discards the 'boost::asio::awaitable<void>' this callable returns: the coroutine never runs [async-coroutine-callback]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: start the coroutine where its task is kept and joined: 'co_spawn(...)' with a completion handler that takes the exception
  net::dispatch(io.get_executor(), serve);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'boost::asio::dispatch' discards the 'boost::asio::awaitable<void>'
  std::function<void()> on_connect = serve;
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'std::function<void ()>' discards the 'boost::asio::awaitable<void>'
  on_connect();

  // Left alone.
  net::co_spawn(io, serve, net::detached);
  net::co_spawn(io, []() -> net::awaitable<void> { co_await serve(); }, net::detached);
  net::post(io, [] {});
}

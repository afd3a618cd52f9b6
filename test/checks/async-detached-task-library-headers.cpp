// RUN: %check_async %s async-detached-task %t -- --no-system-header-prefix=boost/ -I %inputs/vendored

// Asio reached as a project header (vendored, through -I: here Debian's
// real Boost.Asio with --no-system-header-prefix): co_spawn(context, ...)
// forwards the caller's token to co_spawn(executor, ...). Its instantiation
// with detached_t is the user's finding, reported once, at the user's call;
// a template that writes the detached token itself is reported where it
// does.

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <session_spawn.hpp>

namespace net = boost::asio;

net::awaitable<void> session();

void start(net::io_context &ctx) {
  net::co_spawn(ctx, session(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token starts a coroutine that nobody joins; its exception is silently dropped [async-detached-task]
  net::co_spawn(ctx.get_executor(), session(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  vendored::start_heartbeat(ctx.get_executor());
  // CHECK-MESSAGES: session_spawn.hpp:11:3: warning: 'boost::asio::co_spawn' with the detached token
  vendored::spawn_heartbeat(ctx.get_executor(), net::detached);
  // CHECK-MESSAGES: session_spawn.hpp:17:10: warning: 'boost::asio::co_spawn' with the detached token
  // Joined: the future keeps the outcome.
  auto done = net::co_spawn(ctx, session(), net::use_future);
  done.get();
}

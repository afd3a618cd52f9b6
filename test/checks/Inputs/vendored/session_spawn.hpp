// A project's own header reached through -I: templates that spawn with a
// detached token written here, not passed in by their caller.
#pragma once
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

namespace vendored {
boost::asio::awaitable<void> heartbeat();

template <class Executor> void start_heartbeat(const Executor &ex) {
  boost::asio::co_spawn(ex, heartbeat(), boost::asio::detached);
}

// A wrapper of another name: its caller's call is no co_spawn, so the
// finding stays here, where the token reaches co_spawn.
template <class Executor, class Token> auto spawn_heartbeat(const Executor &ex, Token &&token) {
  return boost::asio::co_spawn(ex, heartbeat(), static_cast<Token &&>(token));
}
} // namespace vendored

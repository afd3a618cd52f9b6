// A line-based TCP chat server on Boost.Asio coroutines.
//
// Every participant's lines are broadcast to the room. It works on a quiet
// afternoon and contains each anti-pattern that corio's async-* checks find;
// tools/demo.sh lints it and shows the fixes.
#include "chat/history.hpp"
#include "chat/room.hpp"

#include <boost/asio.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

namespace chat {
namespace {

using namespace std::chrono_literals;

// Slows down a flooding client.
net::awaitable<void> throttle() {
  std::this_thread::sleep_for(50ms);
  co_return;
}

net::awaitable<void> session(room &r, std::shared_ptr<participant> self) {
  r.join(self);
  for (const auto &line : r.recent())
    co_await self->deliver(line);
  try {
    std::string buffer;
    for (;;) {
      std::size_t n = co_await net::async_read_until(self->socket(), net::dynamic_buffer(buffer),
                                                     "\n", net::use_awaitable);
      std::string line = buffer.substr(0, n - 1);
      buffer.erase(0, n);
      append_to_log("chat.log", line);
      co_await throttle();
      co_await r.broadcast(line);
    }
  } catch (const std::exception &e) {
    // Disconnects, resets and cancellation (operation_aborted) all end here
    // and are logged as a normal end of the session.
    std::fprintf(stderr, "session ended: %s\n", e.what());
  }
  r.leave(self);
}

// Resolves the history mirror synchronously. A private io_context run to
// completion is fine from main(), but called from a coroutine it blocks the
// loop that runs that coroutine.
std::size_t count_mirrors(const std::string &host) {
  net::io_context io;
  std::size_t mirrors = 0;
  tcp::resolver resolver(io);
  resolver.async_resolve(host, "7001", [&](boost::system::error_code ec, auto results) {
    if (!ec)
      mirrors = results.size();
  });
  io.run();
  return mirrors;
}

net::awaitable<void> announce_mirror(room &r) {
  std::size_t mirrors = count_mirrors("history.example.net");
  co_await r.broadcast("history mirrors: " + std::to_string(mirrors));
}

net::awaitable<void> listen(room &r, tcp::acceptor acceptor) {
  announce_mirror(r);
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(net::use_awaitable);
    net::co_spawn(acceptor.get_executor(),
                  session(r, std::make_shared<participant>(std::move(socket))), net::detached);
  }
}

} // namespace
} // namespace chat

int main(int argc, char **argv) {
  unsigned short port = argc > 1 ? static_cast<unsigned short>(std::stoi(argv[1])) : 7000;
  boost::asio::io_context io;
  chat::room room;
  boost::asio::co_spawn(io,
                        chat::listen(room, chat::tcp::acceptor(io, {chat::tcp::v4(), port})),
                        boost::asio::detached);
  io.run();
}

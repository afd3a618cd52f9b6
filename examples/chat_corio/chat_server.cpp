// The chat server of examples/chat, migrated to corio on Asio: the same
// line protocol, with every finding of the async-* checks fixed.
//
// - run_on drives the corio tasks from the io_context; sockets, timers,
//   the resolver and signals are awaited with corio::use_task.
// - Sessions are children of one task_group instead of detached co_spawns:
//   none outlives the server, and SIGINT/SIGTERM stop it by cancelling the
//   group; every session unwinds and main returns 0.
// - No blocking on the loop: throttling is corio::sleep_for, the log is
//   written by corio::to_thread, the mirror lookup is an async resolve.
// - Cancellation is not swallowed: sessions catch system_error only.
// - Broadcasting never suspends (a queue and a writer task per
//   participant), so no lock is held across a co_await.
// - A line longer than --max-line ends that session with a message.
//
// Usage: chat-server-corio [port] [--bind ADDR] [--log PATH] [--mirror HOST]
//                          [--max-line BYTES] [--throttle-ms MS]
// Prints "chat server: listening on ADDR:PORT" once it accepts connections.
#include "chat_corio/history.hpp"
#include "chat_corio/room.hpp"

#include <corio/asio.hpp>
#include <corio/corio.hpp>

#include <boost/asio.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace chat {
namespace {

struct config {
  std::string bind = "0.0.0.0";
  unsigned short port = 7000;
  std::string log_path = "chat.log";
  std::string mirror_host = "history.example.net";
  std::size_t max_line = 4096;
  std::chrono::milliseconds throttle{50};
};

std::string describe(const tcp::socket &socket) {
  boost::system::error_code ec;
  const tcp::endpoint remote = socket.remote_endpoint(ec);
  return ec ? std::string("a client") : remote.address().to_string() + ":" + std::to_string(remote.port());
}

// Reads lines until the client leaves or sends a line over the limit.
corio::task<void> read_lines(room &r, history &log, participant &self, const config &cfg) {
  std::string buffer;
  for (;;) {
    std::size_t n = 0;
    try {
      n = co_await net::async_read_until(self.socket(), net::dynamic_buffer(buffer, cfg.max_line + 1), '\n',
                                         corio::use_task);
    } catch (const boost::system::system_error &e) {
      if (e.code() == net::error::not_found) {
        self.deliver("* line too long (the limit is " + std::to_string(cfg.max_line) + " bytes); closing the session");
        std::fprintf(stderr, "session ended: %s sent a line longer than %zu bytes\n", describe(self.socket()).c_str(),
                     cfg.max_line);
      } else {
        std::fprintf(stderr, "session ended: %s: %s\n", describe(self.socket()).c_str(), e.code().message().c_str());
      }
      co_return;
    }
    std::string line = buffer.substr(0, n - 1);
    buffer.erase(0, n);
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    co_await log.append(line);
    co_await corio::sleep_for(cfg.throttle);  // slows down a flooding client
    r.broadcast(line);
  }
}

corio::task<void> session(room &r, history &log, tcp::socket socket, const config &cfg) {
  participant self(std::move(socket));
  const membership member(r, self);
  for (const auto &line : r.recent())
    self.deliver(line);
  self.deliver("* welcome; " + std::to_string(r.size()) + " in the room");
  co_await corio::with_task_group([&](corio::task_group &g) -> corio::task<void> {
    g.spawn(self.write_loop(g));
    co_await read_lines(r, log, self, cfg);
    // Let the writer send what is queued (a goodbye message, say), for a
    // bounded time; it cancels the group when it is done.
    self.finish();
    co_await corio::sleep_for(std::chrono::seconds(2));
    g.cancel();
  });
}

corio::task<void> announce_mirror(room &r, std::string host) {
  std::size_t mirrors = 0;
  try {
    tcp::resolver resolver(co_await corio::asio_executor());
    mirrors = (co_await resolver.async_resolve(host, "7001", corio::use_task)).size();
  } catch (const boost::system::system_error &e) {
    std::fprintf(stderr, "chat server: history mirror lookup for %s failed: %s\n", host.c_str(), e.what());
  }
  r.broadcast("history mirrors: " + std::to_string(mirrors));
}

corio::task<void> accept_clients(room &r, history &log, tcp::acceptor &acceptor, const config &cfg,
                                 corio::task_group &server) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(net::as_tuple(corio::use_task));
    if (!ec) {
      server.spawn(session(r, log, std::move(socket), cfg));
      continue;
    }
    // Out of descriptors and the like: keep serving the others.
    std::fprintf(stderr, "chat server: accept failed: %s\n", ec.message().c_str());
    co_await corio::sleep_for(std::chrono::milliseconds(100));
  }
}

corio::task<void> stop_on_signal(corio::task_group &server) {
  net::signal_set signals(co_await corio::asio_executor(), SIGINT, SIGTERM);
  const int signal = co_await signals.async_wait(corio::use_task);
  std::fprintf(stderr, "chat server: signal %d, stopping\n", signal);
  server.cancel();
}

corio::task<void> serve(tcp::acceptor &acceptor, const config &cfg) {
  room r;
  history log(cfg.log_path);
  co_await corio::with_task_group([&](corio::task_group &g) -> corio::task<void> {
    g.spawn(stop_on_signal(g));
    g.spawn(announce_mirror(r, cfg.mirror_host));
    g.spawn(accept_clients(r, log, acceptor, cfg, g));
    co_return;
  });
}

config parse(int argc, char **argv) {
  config cfg;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--bind" && has_value)
      cfg.bind = argv[++i];
    else if (arg == "--log" && has_value)
      cfg.log_path = argv[++i];
    else if (arg == "--mirror" && has_value)
      cfg.mirror_host = argv[++i];
    else if (arg == "--max-line" && has_value)
      cfg.max_line = std::stoul(argv[++i]);
    else if (arg == "--throttle-ms" && has_value)
      cfg.throttle = std::chrono::milliseconds(std::stol(argv[++i]));
    else if (!arg.empty() && arg[0] != '-')
      cfg.port = static_cast<unsigned short>(std::stoi(arg));
    else
      throw std::invalid_argument("unknown argument " + arg);
  }
  return cfg;
}

} // namespace
} // namespace chat

int main(int argc, char **argv) {
  try {
    const chat::config cfg = chat::parse(argc, argv);
    boost::asio::io_context io;
    chat::tcp::acceptor acceptor(io, {boost::asio::ip::make_address(cfg.bind), cfg.port});
    const chat::tcp::endpoint local = acceptor.local_endpoint();
    std::printf("chat server: listening on %s:%u\n", local.address().to_string().c_str(), unsigned(local.port()));
    std::fflush(stdout);
    corio::run_on(io, chat::serve(acceptor, cfg));
    std::printf("chat server: stopped\n");
    return EXIT_SUCCESS;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "chat server: %s\n", e.what());
    return EXIT_FAILURE;
  }
}

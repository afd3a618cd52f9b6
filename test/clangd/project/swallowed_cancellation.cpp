// async-swallowed-cancellation: an Asio session that logs cancellation as a
// normal end; the quick fix rethrows operation_aborted.
#include <boost/asio.hpp>

#include <cstdio>

namespace net = boost::asio;

net::awaitable<void> echo(net::ip::tcp::socket socket) {
  try {
    char data[512];
    for (;;) {
      std::size_t n = co_await socket.async_read_some(net::buffer(data), net::use_awaitable);
      co_await net::async_write(socket, net::buffer(data, n), net::use_awaitable);
    }
  } catch (const boost::system::system_error &e) { // LSP: async-swallowed-cancellation fix
    std::printf("session ended: %s\n", e.what());
  }
}

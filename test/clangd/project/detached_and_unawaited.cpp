// async-detached-task and async-unawaited-task in an Asio accept loop.
#include <boost/asio.hpp>

namespace net = boost::asio;

net::awaitable<void> session(net::ip::tcp::socket socket);
net::awaitable<void> announce();

net::awaitable<void> listen(net::ip::tcp::acceptor acceptor) {
  announce(); // LSP: async-unawaited-task fix
  for (;;) {
    net::ip::tcp::socket socket = co_await acceptor.async_accept(net::use_awaitable);
    net::co_spawn(acceptor.get_executor(), session(std::move(socket)), net::detached); // LSP: async-detached-task
  }
}

// RUN: %check_async %s async-blocking-call %t --

// async-blocking-call on the real Boost.Asio headers (libboost1.81-dev): the
// network category finds the synchronous members of the real socket,
// acceptor, resolver and timer classes and the free read/write functions,
// and the fix-its compile against the real declarations.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <chrono>
#include <string>
#include <thread>

namespace net = boost::asio;
using net::ip::tcp;
using namespace std::chrono_literals;

net::awaitable<void> pauses() {
  std::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread (sleep), stalling every other task on it [async-blocking-call]
  // CHECK-FIXES: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 50ms).async_wait(boost::asio::use_awaitable);{{$}}
  co_return;
}

net::awaitable<std::size_t> serves(tcp::acceptor &acceptor, tcp::resolver &resolver,
                                   net::ip::udp::socket &udp, net::ip::udp::endpoint &sender,
                                   std::string &data) {
  tcp::socket peer = acceptor.accept();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'boost::asio::basic_socket_acceptor::accept' blocks the event loop's thread (network)
  // CHECK-FIXES: {{^}}  tcp::socket peer = co_await acceptor.async_accept(boost::asio::use_awaitable);{{$}}
  std::size_t n = peer.read_some(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  std::size_t n = co_await peer.async_read_some(net::buffer(data), boost::asio::use_awaitable);{{$}}
  n += peer.write_some(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_stream_socket::write_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += co_await peer.async_write_some(net::buffer(data), boost::asio::use_awaitable);{{$}}
  n += peer.receive(net::buffer(data), tcp::socket::message_peek);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_stream_socket::receive' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += co_await peer.async_receive(net::buffer(data), tcp::socket::message_peek, boost::asio::use_awaitable);{{$}}
  peer.wait(tcp::socket::wait_write);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_socket::wait' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await peer.async_wait(tcp::socket::wait_write, boost::asio::use_awaitable);{{$}}
  tcp::socket other(acceptor.get_executor());
  acceptor.accept(other);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_socket_acceptor::accept' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await acceptor.async_accept(other, boost::asio::use_awaitable);{{$}}
  auto endpoints = resolver.resolve("localhost", "7");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'boost::asio::ip::basic_resolver::resolve' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  auto endpoints = co_await resolver.async_resolve("localhost", "7", boost::asio::use_awaitable);{{$}}
  other.connect(*endpoints.begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_socket::connect' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await other.async_connect(*endpoints.begin(), boost::asio::use_awaitable);{{$}}
  n += udp.receive_from(net::buffer(data), sender);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_datagram_socket::receive_from' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += co_await udp.async_receive_from(net::buffer(data), sender, boost::asio::use_awaitable);{{$}}
  n += resolver.resolve("localhost", "9").size();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::ip::basic_resolver::resolve' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += (co_await resolver.async_resolve("localhost", "9", boost::asio::use_awaitable)).size();{{$}}

  // The error_code overloads and the free functions: a note, no fix.
  boost::system::error_code ec;
  peer.read_some(net::buffer(data), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'boost::asio::basic_stream_socket::async_read_some' with use_awaitable instead
  net::read(peer, net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::read' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'boost::asio::async_read' with use_awaitable instead
  net::write(peer, net::buffer(data), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::write' blocks the event loop's thread
  net::connect(other, endpoints);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::connect' blocks the event loop's thread

  // Negative: the asynchronous forms and the calls that do not wait.
  co_await net::async_write(peer, net::buffer(data), net::use_awaitable);
  co_await peer.async_read_some(net::buffer(data), net::use_awaitable);
  if (peer.is_open())
    peer.close();
  co_return n + endpoints.size();
}

// Negative: an ordinary function may block.
std::size_t blocking_client(net::io_context &io, std::string &data) {
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), 7));
  return net::read(socket, net::buffer(data));
}

int main() {
  net::io_context io;
  net::co_spawn(io, pauses(), net::detached);
  io.run();
}

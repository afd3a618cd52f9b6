// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-blocking-call.CheckNetwork: false}}" %s async-blocking-call %t -- -isystem %inputs

// The network category: synchronous Asio I/O (Boost and standalone), POSIX
// sockets, name resolution and curl; and the async_* fix-its.

#include <asio.hpp>
#include <boost/asio.hpp>
#include <cppcoro/cppcoro.hpp>
#include <curl/curl.h>
#include <netdb.h>
#include <string>
#include <sys/socket.h>

using namespace std::chrono_literals;
namespace net = boost::asio;
using net::ip::tcp;

struct Tally {
  std::size_t operator[](std::size_t i) const { return i; }
  std::size_t operator()(std::size_t i) const { return i; }
};
std::size_t twice(std::size_t v) { return 2 * v; }

// In an awaitable on the default executor, a synchronous member with an
// async_* counterpart taking the same arguments becomes that counterpart.
net::awaitable<std::size_t> talks_over_boost_asio(tcp::socket &sock, tcp::acceptor &acceptor,
                                                  tcp::resolver &resolver, net::steady_timer &timer,
                                                  net::ip::udp::socket &udp,
                                                  net::basic_deadline_timer<long> &deadline,
                                                  net::ip::udp::endpoint &sender, std::string &data) {
  std::size_t n = sock.read_some(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread (network), stalling every other task on it [async-blocking-call]
  // CHECK-FIXES: {{^}}  std::size_t n = co_await sock.async_read_some(net::buffer(data), boost::asio::use_awaitable);{{$}}
  n += sock.write_some(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_stream_socket::write_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += co_await sock.async_write_some(net::buffer(data), boost::asio::use_awaitable);{{$}}
  sock.receive(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_stream_socket::receive' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await sock.async_receive(net::buffer(data), boost::asio::use_awaitable);{{$}}
  sock.send(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_stream_socket::send' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await sock.async_send(net::buffer(data), boost::asio::use_awaitable);{{$}}
  sock.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), 80));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_socket::connect' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await sock.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), 80), boost::asio::use_awaitable);{{$}}
  sock.wait(tcp::socket::wait_read);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_socket::wait' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await sock.async_wait(tcp::socket::wait_read, boost::asio::use_awaitable);{{$}}
  // (accept() returning the socket: see test/integration; the mock's
  // async_accept(Socket &) would take use_awaitable for the peer.)
  tcp::socket peer(co_await net::this_coro::executor);
  acceptor.accept(peer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_socket_acceptor::accept' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await acceptor.async_accept(peer, boost::asio::use_awaitable);{{$}}
  auto endpoints = resolver.resolve("example.com", "http");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'boost::asio::ip::basic_resolver::resolve' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  auto endpoints = co_await resolver.async_resolve("example.com", "http", boost::asio::use_awaitable);{{$}}
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_waitable_timer::wait' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await timer.async_wait(boost::asio::use_awaitable);{{$}}
  deadline.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_deadline_timer::wait' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await deadline.async_wait(boost::asio::use_awaitable);{{$}}
  n += udp.receive_from(net::buffer(data), sender);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_datagram_socket::receive_from' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += co_await udp.async_receive_from(net::buffer(data), sender, boost::asio::use_awaitable);{{$}}
  udp.send_to(net::buffer(data), sender);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_datagram_socket::send_to' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await udp.async_send_to(net::buffer(data), sender, boost::asio::use_awaitable);{{$}}
  // Through a pointer; and where a postfix operator needs parentheses.
  tcp::socket *other = &peer;
  n += other->read_some(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += co_await other->async_read_some(net::buffer(data), boost::asio::use_awaitable);{{$}}
  n += resolver.resolve("example.com", "https").size();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::asio::ip::basic_resolver::resolve' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += (co_await resolver.async_resolve("example.com", "https", boost::asio::use_awaitable)).size();{{$}}
  // None in an argument nor in an index, built-in or overloaded.
  std::size_t sizes[4] = {};
  n += sizes[sock.read_some(net::buffer(data))];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += sizes[co_await sock.async_read_some(net::buffer(data), boost::asio::use_awaitable)];{{$}}
  Tally tally;
  n += tally[sock.read_some(net::buffer(data))];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += tally[co_await sock.async_read_some(net::buffer(data), boost::asio::use_awaitable)];{{$}}
  n += tally(sock.write_some(net::buffer(data)));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'boost::asio::basic_stream_socket::write_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += tally(co_await sock.async_write_some(net::buffer(data), boost::asio::use_awaitable));{{$}}
  n += twice(sock.write_some(net::buffer(data)));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'boost::asio::basic_stream_socket::write_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += twice(co_await sock.async_write_some(net::buffer(data), boost::asio::use_awaitable));{{$}}
  n += -sock.read_some(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  n += -co_await sock.async_read_some(net::buffer(data), boost::asio::use_awaitable);{{$}}
  co_return n + endpoints.size();
}

// The error_code overloads report through ec; the async_* forms throw
// instead: no fix-it, a note naming the counterpart.
#define READ_SOME(s, b) s.read_some(b)
net::awaitable<void> talks_without_a_fix(tcp::socket &sock, tcp::acceptor &acceptor,
                                         std::string &data) {
  net::error_code ec;
  sock.read_some(net::buffer(data), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'boost::asio::basic_stream_socket::async_read_some' with use_awaitable instead
  sock.connect(tcp::endpoint(), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_socket::connect' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'boost::asio::basic_socket::async_connect' with use_awaitable instead
  tcp::socket peer = acceptor.accept(ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'boost::asio::basic_socket_acceptor::accept' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: co_await 'boost::asio::basic_socket_acceptor::async_accept' with use_awaitable instead
  // No async_wait on this acceptor.
  acceptor.wait(tcp::acceptor::wait_read);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_socket_acceptor::wait' blocks the event loop's thread
  // Inside a macro.
  READ_SOME(sock, net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  try {
    co_await sock.async_read_some(net::buffer(data), net::use_awaitable);
  } catch (const boost::system::system_error &) {
    // co_await is not allowed in a handler.
    sock.write_some(net::buffer(data));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::asio::basic_stream_socket::write_some' blocks the event loop's thread
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: co_await 'boost::asio::basic_stream_socket::async_write_some' with use_awaitable instead
  }
  // Nor in the initializer of a static local.
  static std::size_t first = sock.read_some(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: co_await 'boost::asio::basic_stream_socket::async_read_some' with use_awaitable instead
  // The free functions: a note naming their async_* form.
  net::read(sock, net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::read' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'boost::asio::async_read' with use_awaitable instead
  net::write(sock, net::buffer(data), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::write' blocks the event loop's thread
  net::read_until(sock, net::dynamic_buffer(data), "\r\n");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::read_until' blocks the event loop's thread
  std::vector<tcp::endpoint> endpoints;
  net::connect(sock, endpoints);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::connect' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'boost::asio::async_connect' with use_awaitable instead
}

// Standalone Asio gets its own namespace in the fix-it.
asio::awaitable<void> talks_over_standalone_asio(asio::ip::tcp::socket &sock, std::string &data) {
  sock.read_some(asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await sock.async_read_some(asio::buffer(data), asio::use_awaitable);{{$}}
  asio::write(sock, asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::write' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'asio::async_write' with use_awaitable instead
  co_return;
}

// A standalone socket in a Boost coroutine (and the other way round): the
// other library's use_awaitable would not fit, so no fix-it.
net::awaitable<void> mixes_the_libraries(asio::ip::tcp::socket &sock, std::string &data) {
  sock.write_some(asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::basic_stream_socket::write_some' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'asio::basic_stream_socket::async_write_some' with use_awaitable instead
  co_return;
}

// Other frameworks: a note only.
cppcoro::task<> talks_in_cppcoro(tcp::socket &sock, std::string &data) {
  sock.read_some(net::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::basic_stream_socket::read_some' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await 'boost::asio::basic_stream_socket::async_read_some' with use_awaitable instead
  co_return;
}

// POSIX sockets, name resolution and curl.
net::awaitable<void> talks_the_posix_way(int fd, sockaddr *address, socklen_t length, char *buffer,
                                         CURL *curl) {
  connect(fd, address, length);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'connect' blocks the event loop's thread (network)
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: use asynchronous sockets instead (Asio's async_* operations with use_awaitable)
  int client = accept(fd, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'accept' blocks the event loop's thread
  recv(client, buffer, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks the event loop's thread
  send(client, buffer, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' blocks the event loop's thread
  recvfrom(fd, buffer, 16, 0, address, &length);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recvfrom' blocks the event loop's thread
  sendto(fd, buffer, 16, 0, address, length);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sendto' blocks the event loop's thread
  addrinfo *found = nullptr;
  getaddrinfo("example.com", "http", nullptr, &found);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getaddrinfo' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await a resolver's async_resolve with use_awaitable instead
  gethostbyname("example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gethostbyname' blocks the event loop's thread
  curl_easy_perform(curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: drive the transfer from the event loop with curl's multi interface instead
  freeaddrinfo(found);
  co_return;
}

// Negative: the asynchronous forms and the calls that do not wait.
net::awaitable<void> stays_asynchronous(tcp::socket &sock, net::steady_timer &timer,
                                        std::string &data) {
  co_await sock.async_read_some(net::buffer(data), net::use_awaitable);
  co_await net::async_write(sock, net::buffer(data), net::use_awaitable);
  timer.expires_after(1s);
  co_await timer.async_wait(net::use_awaitable);
  if (sock.is_open())
    sock.close();
  timer.cancel();
}

// Negative: same names on other classes and in other namespaces.
struct connection {
  void connect();
  std::size_t read_some(int);
};
namespace mine {
int send(int, const void *, int);
}
net::awaitable<void> uses_its_own_types(connection &c) {
  c.connect();
  c.read_some(1);
  mine::send(1, nullptr, 0);
  co_return;
}

// Negative: an ordinary function may block on the network.
void ordinary_function(tcp::socket &sock, std::string &data) {
  sock.read_some(net::buffer(data));
  net::write(sock, net::buffer(data));
}

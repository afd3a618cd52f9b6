// A chat room: the set of connected participants and the messages they send.
#pragma once

#include <boost/asio.hpp>

#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace chat {

namespace net = boost::asio;
using tcp = net::ip::tcp;

class participant {
public:
  explicit participant(tcp::socket socket) : socket_(std::move(socket)) {}
  tcp::socket &socket() { return socket_; }
  net::awaitable<void> deliver(const std::string &line);

private:
  tcp::socket socket_;
};

class room {
public:
  void join(std::shared_ptr<participant> p);
  void leave(const std::shared_ptr<participant> &p);
  net::awaitable<void> broadcast(std::string line);
  std::deque<std::string> recent() const;

private:
  mutable std::mutex mutex_;
  std::set<std::shared_ptr<participant>> participants_;
  std::deque<std::string> recent_;
};

} // namespace chat

// A chat room on corio: the connected participants and the recent lines.
#pragma once

#include <corio/asio.hpp>
#include <corio/corio.hpp>

#include <boost/asio.hpp>

#include <cstddef>
#include <deque>
#include <set>
#include <string>

namespace chat {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// One connection. Lines for it queue here and one writer task sends them in
// order, so broadcasting never waits for a slow reader and never interleaves
// two writes on one socket.
class participant {
public:
  // A participant this far behind is disconnected instead of buffered forever.
  static constexpr std::size_t max_queued_lines = 8192;

  explicit participant(tcp::socket socket) : socket_(std::move(socket)) {}
  tcp::socket &socket() { return socket_; }

  // Queues one line (without its '\n').
  void deliver(std::string line);
  // The writer stops once everything queued so far has been sent.
  void finish();
  // Sends queued lines until finish() and an empty queue, a write error, or
  // too long a queue; then cancels `session` (the reader goes too).
  corio::task<void> write_loop(corio::task_group &session);

private:
  tcp::socket socket_;
  std::deque<std::string> outbox_;
  corio::event pending_;
  bool finishing_ = false;
  bool overflowed_ = false;
};

class room {
public:
  void join(participant &p) { participants_.insert(&p); }
  void leave(participant &p) { participants_.erase(&p); }
  std::size_t size() const { return participants_.size(); }
  // Queues the line for every participant (the sender too); never suspends.
  void broadcast(const std::string &line);
  const std::deque<std::string> &recent() const { return recent_; }

private:
  std::set<participant *> participants_;
  std::deque<std::string> recent_;
};

// join() now, leave() when the session's scope ends, however it ends.
class membership {
public:
  membership(room &r, participant &p) : room_(r), participant_(p) { room_.join(participant_); }
  ~membership() { room_.leave(participant_); }
  membership(const membership &) = delete;
  membership &operator=(const membership &) = delete;

private:
  room &room_;
  participant &participant_;
};

} // namespace chat

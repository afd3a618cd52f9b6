#include "chat_corio/room.hpp"

#include <cstdio>

namespace chat {

void participant::deliver(std::string line) {
  if (overflowed_ || finishing_)
    return;
  if (outbox_.size() >= max_queued_lines) {
    overflowed_ = true;  // the writer ends the session
    outbox_.clear();
  } else {
    outbox_.push_back(std::move(line));
  }
  pending_.set();
}

void participant::finish() {
  finishing_ = true;
  pending_.set();
}

corio::task<void> participant::write_loop(corio::task_group &session) {
  try {
    for (;;) {
      if (overflowed_) {
        std::fprintf(stderr, "session ended: the client reads too slowly (%zu lines queued)\n", max_queued_lines);
        break;
      }
      if (outbox_.empty()) {
        if (finishing_)
          break;
        pending_.clear();
        co_await pending_.wait();
        continue;
      }
      // Everything queued so far in one write.
      std::string batch;
      while (!outbox_.empty() && batch.size() < 64 * 1024) {
        batch += outbox_.front();
        batch += '\n';
        outbox_.pop_front();
      }
      co_await net::async_write(socket_, net::buffer(batch), corio::use_task);
    }
  } catch (const boost::system::system_error &e) {
    std::fprintf(stderr, "session ended: write failed: %s\n", e.what());
  }
  session.cancel();
}

void room::broadcast(const std::string &line) {
  recent_.push_back(line);
  if (recent_.size() > 100)
    recent_.pop_front();
  for (participant *p : participants_)
    p->deliver(line);
}

} // namespace chat

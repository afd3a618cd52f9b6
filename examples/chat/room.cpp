#include "chat/room.hpp"

namespace chat {

net::awaitable<void> participant::deliver(const std::string &line) {
  co_await net::async_write(socket_, net::buffer(line + "\n"), net::use_awaitable);
}

void room::join(std::shared_ptr<participant> p) {
  std::lock_guard lock(mutex_);
  participants_.insert(std::move(p));
}

void room::leave(const std::shared_ptr<participant> &p) {
  std::lock_guard lock(mutex_);
  participants_.erase(p);
}

net::awaitable<void> room::broadcast(std::string line) {
  // The lock is held across every co_await below: another session's
  // broadcast on the same thread blocks on mutex_ and deadlocks the loop.
  std::lock_guard lock(mutex_);
  recent_.push_back(line);
  if (recent_.size() > 100)
    recent_.pop_front();
  for (const auto &p : participants_)
    co_await p->deliver(line);
}

std::deque<std::string> room::recent() const {
  std::lock_guard lock(mutex_);
  return recent_;
}

} // namespace chat

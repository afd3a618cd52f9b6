// channel<T>: a FIFO of values between tasks, bounded or rendezvous.
#pragma once

#include <coroutine>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "corio/detail/affinity.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/intrusive_list.hpp"
#include "corio/exceptions.hpp"

namespace corio {

// Raised by send/try_send on a channel that was closed (Trio's
// ClosedResourceError); the value stays with the caller.
class channel_closed : public std::exception {
 public:
  const char* what() const noexcept override { return "corio::channel_closed: send on a closed channel"; }
};

// Trio's memory channel, one object for both ends: any number of tasks on
// the same loop send and receive through a reference to it. Waiting senders
// and receivers are served first come, first served. A wait that is
// cancelled takes nothing and loses nothing: a cancelled send leaves the
// value with the caller, and a receiver cancelled after a value was handed
// to it (before it ran) gives the value back to the head of the channel.
template <class T>
class channel {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && std::is_move_constructible_v<T>,
                "corio::channel<T>: T must be a non-const, move-constructible object type");

 public:
  // `capacity` values wait in the channel without a receiver; 0 makes every
  // send wait for its receiver (a rendezvous).
  explicit channel(std::size_t capacity) : capacity_(capacity) {}
  channel(const channel&) = delete;
  channel& operator=(const channel&) = delete;

  class send_awaiter;
  class receive_awaiter;

  // Hands `value` to a waiting receiver or into the buffer, else waits for
  // room. The value is moved from only once it is handed over; cancelled or
  // closed while waiting, the caller keeps it. The argument must outlive the
  // co_await (await the result in the same expression).
  [[nodiscard]] send_awaiter send(T&& value) { return send_awaiter(*this, value); }
  [[nodiscard]] send_awaiter send(const T& value)
    requires std::is_copy_constructible_v<T>
  {
    return send_awaiter(*this, value);
  }

  // The next value, oldest first; std::nullopt once the channel is closed
  // and drained.
  [[nodiscard]] receive_awaiter receive() { return receive_awaiter(*this); }

  // Sends without waiting: false (value untouched) if that would wait.
  // channel_closed if closed.
  bool try_send(T&& value) { return try_send_from(value); }
  bool try_send(const T& value)
    requires std::is_copy_constructible_v<T>
  {
    return try_send_from(value);
  }

  // A value if one is there or a sender waits; std::nullopt otherwise (see
  // closed() to tell an empty channel from a finished one).
  std::optional<T> try_receive() {
    affinity_.check("corio::channel::try_receive");
    if (!has_value()) return std::nullopt;
    return take();
  }

  // No more sends: waiting senders get channel_closed, waiting receivers
  // std::nullopt; values already in the channel can still be received.
  // Closing twice is harmless.
  void close() {
    affinity_.check("corio::channel::close");
    closed_ = true;
    detail::event_loop* loop = detail::event_loop::current();
    while (!senders_.empty()) {
      sender& s = senders_.pop_front();
      s.outcome = sender::closed;
      loop->schedule(*s.fiber);
    }
    while (!receivers_.empty()) loop->schedule(*receivers_.pop_front().fiber);
  }

  bool closed() const {
    affinity_.check("corio::channel::closed");
    return closed_;
  }
  // Values waiting in the buffer (not those held by waiting senders).
  std::size_t size() const {
    affinity_.check("corio::channel::size");
    return buffer_.size();
  }
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  // A value on its way in: the caller's object, moved from (or copied) only
  // when it is handed over.
  struct sender : detail::list_node {
    enum state : unsigned char { waiting, delivered, closed };

    template <class V>
    explicit sender(V& value) noexcept
        : value(const_cast<void*>(static_cast<const void*>(std::addressof(value)))),
          put(&hand_over<std::conditional_t<std::is_const_v<V>, const T&, T&&>>) {}

    void* value;
    void (*put)(sender&, std::optional<T>* slot, std::deque<T>* buffer);
    detail::fiber* fiber = nullptr;
    state outcome = waiting;

   private:
    template <class Ref>
    static void hand_over(sender& s, std::optional<T>* slot, std::deque<T>* buffer) {
      Ref value = static_cast<Ref>(*static_cast<std::remove_reference_t<Ref>*>(s.value));
      if (slot != nullptr)
        slot->emplace(static_cast<Ref>(value));
      else
        buffer->push_back(static_cast<Ref>(value));
    }
  };
  struct receiver : detail::list_node {
    detail::fiber* fiber = nullptr;
    std::optional<T> slot;
  };

 public:
  class [[nodiscard]] send_awaiter : private detail::suspension, private sender {
   public:
    using corio_awaitable = void;

    bool await_ready() {
      owner_.affinity_.check("corio::channel::send");
      this->fiber = &detail::event_loop::running("corio::channel::send").current_fiber();
      if (this->fiber->cancellation_pending()) throw cancelled_error();
      if (owner_.closed_) throw channel_closed();
      if (!owner_.deliver_now(*this)) return false;
      this->outcome = sender::delivered;
      return true;
    }
    void await_suspend(std::coroutine_handle<> awaiting) noexcept {
      owner_.senders_.push_back(*this);
      this->fiber->block(awaiting, this);
    }
    // Delivered: done, even if a cancellation came after (the value is in
    // the channel; the next suspension point reports the cancellation).
    void await_resume() const {
      if (this->outcome == sender::delivered) return;
      if (this->outcome == sender::closed) throw channel_closed();
      throw cancelled_error();
    }

   private:
    friend class channel;
    template <class V>
    send_awaiter(channel& owner, V& value) noexcept : suspension{&on_cancel}, sender(value), owner_(owner) {}

    static void on_cancel(suspension& s) noexcept {
      send_awaiter& self = static_cast<send_awaiter&>(s);
      detail::intrusive_list<sender>::erase(self);
      detail::event_loop::current()->schedule(*self.fiber);
    }

    channel& owner_;
  };

  class [[nodiscard]] receive_awaiter : private detail::suspension, private receiver {
   public:
    using corio_awaitable = void;

    bool await_ready() {
      owner_.affinity_.check("corio::channel::receive");
      this->fiber = &detail::event_loop::running("corio::channel::receive").current_fiber();
      if (this->fiber->cancellation_pending()) throw cancelled_error();
      if (owner_.has_value()) {
        this->slot.emplace(owner_.take());
        return true;
      }
      return owner_.closed_;
    }
    void await_suspend(std::coroutine_handle<> awaiting) noexcept {
      owner_.receivers_.push_back(*this);
      this->fiber->block(awaiting, this);
    }
    std::optional<T> await_resume() {
      if (cancelled_) throw cancelled_error();
      // Handed a value, then cancelled before running: the value goes back
      // to the head of the channel instead of into a task that unwinds.
      if (this->slot && this->fiber->cancellation_pending()) {
        owner_.give_back(std::move(*this->slot));
        throw cancelled_error();
      }
      return std::move(this->slot);
    }

   private:
    friend class channel;
    explicit receive_awaiter(channel& owner) noexcept : suspension{&on_cancel}, owner_(owner) {}

    static void on_cancel(suspension& s) noexcept {
      receive_awaiter& self = static_cast<receive_awaiter&>(s);
      detail::intrusive_list<receiver>::erase(self);
      self.cancelled_ = true;
      detail::event_loop::current()->schedule(*self.fiber);
    }

    channel& owner_;
    bool cancelled_ = false;
  };

 private:
  bool has_value() const noexcept { return !buffer_.empty() || !senders_.empty(); }

  // The oldest value: the buffer's head (refilled from the first waiting
  // sender), or straight from the first waiting sender.
  // A sender leaves its queue only once its value is in place: if moving
  // the value throws, the sender still waits and the exception goes to the
  // receiver.
  T take() {
    if (buffer_.empty()) {
      sender& s = senders_.front();
      std::optional<T> value;
      s.put(s, &value, nullptr);
      wake(senders_.pop_front());
      return std::move(*value);
    }
    // Refill first (the buffer holds one more for a moment): a refill that
    // throws then leaves the head where it was.
    if (!senders_.empty() && buffer_.size() <= capacity_) {
      sender& s = senders_.front();
      s.put(s, nullptr, &buffer_);
      wake(senders_.pop_front());
    }
    T value = std::move(buffer_.front());
    buffer_.pop_front();
    return value;
  }

  // Delivers the sender's value at once if a receiver waits or there is room.
  bool deliver_now(sender& s) {
    if (!receivers_.empty()) {
      receiver& r = receivers_.front();
      s.put(s, &r.slot, nullptr);
      detail::event_loop::current()->schedule(*receivers_.pop_front().fiber);
      return true;
    }
    if (buffer_.size() >= capacity_) return false;
    s.put(s, nullptr, &buffer_);
    return true;
  }

  template <class V>
  bool try_send_from(V& value) {
    affinity_.check("corio::channel::try_send");
    if (closed_) throw channel_closed();
    sender direct(value);
    return deliver_now(direct);
  }

  // A value a cancelled receiver was handed: to the next waiting receiver,
  // else back to the head of the buffer, even past the capacity (it is not
  // a new send, and dropping it would lose it).
  void give_back(T&& value) {
    if (!receivers_.empty()) {
      receiver& r = receivers_.pop_front();
      r.slot.emplace(std::move(value));
      detail::event_loop::current()->schedule(*r.fiber);
      return;
    }
    buffer_.push_front(std::move(value));
  }

  void wake(sender& s) noexcept {
    s.outcome = sender::delivered;
    detail::event_loop::current()->schedule(*s.fiber);
  }

  std::size_t capacity_;
  std::deque<T> buffer_;
  detail::intrusive_list<sender> senders_;
  detail::intrusive_list<receiver> receivers_;
  detail::thread_affinity affinity_;
  bool closed_ = false;
};

}  // namespace corio

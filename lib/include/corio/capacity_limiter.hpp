// capacity_limiter: bounds how many calls of one kind run at once, across
// loops and threads (Trio's CapacityLimiter).
#pragma once

#include <coroutine>
#include <cstddef>
#include <mutex>
#include <stdexcept>

#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/intrusive_list.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio {

// A pool of tokens. Unlike semaphore it is thread-safe: tasks on any loop
// may wait for a token, and any thread may return one; the first waiter
// (whatever its loop) gets it. to_thread(limiter, f, args...) holds one of
// its tokens while f runs.
class capacity_limiter {
 public:
  explicit capacity_limiter(std::size_t total_tokens) : total_(checked(total_tokens)) {}
  capacity_limiter(const capacity_limiter&) = delete;
  capacity_limiter& operator=(const capacity_limiter&) = delete;

  std::size_t total_tokens() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return total_;
  }
  // Raising it hands the new tokens to waiters at once; lowering it below
  // what is borrowed takes effect as tokens come back.
  void set_total_tokens(std::size_t total_tokens) {
    std::lock_guard<std::mutex> lock(mutex_);
    total_ = checked(total_tokens);
    grant_to_waiters();
  }
  std::size_t borrowed_tokens() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return borrowed_;
  }
  std::size_t available_tokens() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return borrowed_ < total_ ? total_ - borrowed_ : 0;
  }

  // Waits for a token, first come first served. A cancellation point: a
  // waiter cancelled while queued leaves the queue without a token.
  task<void> acquire() { co_await acquire_awaiter(*this); }

  // Takes a token if one is free and nobody is queued (fairness).
  bool try_acquire() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (borrowed_ >= total_ || !waiters_.empty()) return false;
    ++borrowed_;
    return true;
  }

  // Any thread: returns a token, to the first waiter if there is one.
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (borrowed_ == 0)
      throw std::logic_error("corio::capacity_limiter::release: no token is borrowed (more releases than acquires)");
    --borrowed_;
    grant_to_waiters();
  }

 private:
  // A queued acquire on some loop; it lives in the waiting task's frame. The
  // grant reaches that loop as a foreign completion (the loop stays up
  // meanwhile: waiting counts as outstanding foreign work).
  struct queued_acquire : detail::list_node, detail::foreign_completion {
    detail::event_loop* loop = nullptr;
    bool granted = false;
  };

  class acquire_awaiter : private detail::suspension, private queued_acquire {
   public:
    using corio_awaitable = void;
    explicit acquire_awaiter(capacity_limiter& owner) noexcept : suspension{&on_cancel}, owner_(owner) {}

    bool await_ready() {
      loop = &detail::event_loop::running("corio::capacity_limiter::acquire");
      this->waiter = &loop->current_fiber();
      cancelled_ = this->waiter->cancellation_pending();
      return cancelled_;
    }
    bool await_suspend(std::coroutine_handle<> awaiting) {
      std::lock_guard<std::mutex> lock(owner_.mutex_);
      if (owner_.borrowed_ < owner_.total_ && owner_.waiters_.empty()) {
        ++owner_.borrowed_;
        return false;
      }
      owner_.waiters_.push_back(*this);
      loop->begin_foreign_work();
      this->waiter->block(awaiting, this);
      return true;
    }
    void await_resume() {
      if (cancelled_) throw cancelled_error();
      // Granted, but cancelled before running: pass the token on.
      if (granted && this->waiter->cancellation_pending()) {
        owner_.release();
        throw cancelled_error();
      }
    }

   private:
    // A waiter still queued leaves the queue; one already granted is woken
    // by its grant, which is on its way.
    static void on_cancel(suspension& s) noexcept {
      acquire_awaiter& self = static_cast<acquire_awaiter&>(s);
      {
        std::lock_guard<std::mutex> lock(self.owner_.mutex_);
        if (self.granted || !self.linked()) return;
        detail::intrusive_list<queued_acquire>::erase(self);
      }
      self.cancelled_ = true;
      self.loop->abandon_foreign_work();
      self.loop->schedule(*self.waiter);
    }

    capacity_limiter& owner_;
    bool cancelled_ = false;
  };

  static std::size_t checked(std::size_t total_tokens) {
    if (total_tokens == 0) throw std::invalid_argument("corio::capacity_limiter: total_tokens must be at least 1");
    return total_tokens;
  }

  // With the lock held.
  void grant_to_waiters() noexcept {
    while (borrowed_ < total_ && !waiters_.empty()) {
      queued_acquire& next = waiters_.pop_front();
      ++borrowed_;
      next.granted = true;
      next.loop->complete_from_foreign_thread(next);
    }
  }

  mutable std::mutex mutex_;
  std::size_t total_;
  std::size_t borrowed_ = 0;
  detail::intrusive_list<queued_acquire> waiters_;
};

}  // namespace corio

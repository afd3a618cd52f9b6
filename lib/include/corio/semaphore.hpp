// semaphore: a FIFO-fair, bounded counting semaphore for tasks.
#pragma once

#include <coroutine>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include "corio/detail/affinity.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/intrusive_list.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio {

class semaphore;

// One acquired permit, released exactly once: on destruction or release().
class semaphore_permit {
 public:
  semaphore_permit() noexcept = default;
  semaphore_permit(semaphore_permit&& other) noexcept : owner_(std::exchange(other.owner_, nullptr)) {}
  semaphore_permit& operator=(semaphore_permit&& other) noexcept {
    if (this != &other) {
      release();
      owner_ = std::exchange(other.owner_, nullptr);
    }
    return *this;
  }
  semaphore_permit(const semaphore_permit&) = delete;
  semaphore_permit& operator=(const semaphore_permit&) = delete;
  ~semaphore_permit() { release(); }

  bool owns_permit() const noexcept { return owner_ != nullptr; }
  inline void release() noexcept;

 private:
  friend class semaphore;
  explicit semaphore_permit(semaphore& owner) noexcept : owner_(&owner) {}
  semaphore* owner_ = nullptr;
};

// Loop-affine: only the thread that first uses it (usually the thread
// running its loop; it may be built before run() and read after) may use
// it; any other thread aborts with a message, in every build. For a count
// shared across threads and loops use capacity_limiter; to act on the loop
// from another thread, portal::post.
class semaphore {
 public:
  // `permits` is both the initial and the maximum count.
  explicit semaphore(std::ptrdiff_t permits) : available_(permits), limit_(permits) {
    if (permits < 0) throw std::invalid_argument("corio::semaphore: the permit count must not be negative");
  }
  semaphore(const semaphore&) = delete;
  semaphore& operator=(const semaphore&) = delete;

  // Waits for a permit, first come first served. A cancellation point: a
  // waiter cancelled while queued leaves the queue without a permit.
  task<void> acquire() { co_await acquire_awaiter(*this); }

  // Takes a permit if one is free and nobody is queued (fairness).
  bool try_acquire() {
    affinity_.check("corio::semaphore::try_acquire");
    if (available_ == 0 || !waiters_.empty()) return false;
    --available_;
    return true;
  }

  // Returns a permit: to the first waiter if there is one. Releasing more
  // permits than were acquired is a logic_error (bounded semantics).
  void release() {
    affinity_.check("corio::semaphore::release");
    if (waiters_.empty() && available_ == limit_)
      throw std::logic_error(
          "corio::semaphore::release: more releases than acquires (the count would exceed its "
          "initial value of " +
          std::to_string(limit_) + ")");
    hand_on();
  }

  // acquire() wrapped in an RAII permit.
  task<semaphore_permit> hold() {
    co_await acquire_awaiter(*this);
    co_return semaphore_permit(*this);
  }

  std::ptrdiff_t available() const {
    affinity_.check("corio::semaphore::available");
    return available_;
  }

 private:
  friend class semaphore_permit;

  struct waiter : detail::list_node {
    detail::fiber* fiber = nullptr;
    bool granted = false;
  };

  class acquire_awaiter : private detail::suspension, private waiter {
   public:
    using corio_awaitable = void;
    explicit acquire_awaiter(semaphore& owner) noexcept : suspension{&on_cancel}, owner_(owner) {}

    bool await_ready() {
      owner_.affinity_.check("corio::semaphore::acquire");
      fiber = &detail::event_loop::running("corio::semaphore::acquire").current_fiber();
      if (fiber->cancellation_pending()) {
        cancelled_ = true;
        return true;
      }
      if (owner_.available_ == 0 || !owner_.waiters_.empty()) return false;
      --owner_.available_;
      granted = true;
      return true;
    }
    void await_suspend(std::coroutine_handle<> awaiting) noexcept {
      owner_.waiters_.push_back(*this);
      fiber->block(awaiting, this);
    }
    void await_resume() {
      if (cancelled_) throw cancelled_error();
      // Granted a permit, but cancelled before running: pass the permit on
      // to the next waiter rather than return it into a cancelled task.
      if (fiber->cancellation_pending()) {
        owner_.hand_on();
        throw cancelled_error();
      }
    }

   private:
    static void on_cancel(suspension& s) noexcept {
      acquire_awaiter& self = static_cast<acquire_awaiter&>(s);
      detail::intrusive_list<waiter>::erase(self);
      self.cancelled_ = true;
      detail::event_loop::current()->schedule(*self.fiber);
    }

    semaphore& owner_;
    bool cancelled_ = false;
  };

  void hand_on() noexcept {
    if (waiters_.empty()) {
      ++available_;
      return;
    }
    waiter& next = waiters_.pop_front();
    next.granted = true;
    detail::event_loop::current()->schedule(*next.fiber);
  }

  std::ptrdiff_t available_;
  std::ptrdiff_t limit_;
  detail::intrusive_list<waiter> waiters_;
  detail::thread_affinity affinity_;
};

inline void semaphore_permit::release() noexcept {
  if (semaphore* owner = std::exchange(owner_, nullptr)) {
    owner->affinity_.check("corio::semaphore_permit::release");
    owner->hand_on();
  }
}

}  // namespace corio

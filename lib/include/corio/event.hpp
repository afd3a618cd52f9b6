// event: a flag tasks can wait for.
#pragma once

#include <coroutine>

#include "corio/detail/affinity.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/intrusive_list.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio {

// Loop-affine, like semaphore: only the thread that first uses it may use
// it; any other thread aborts with a message, in every build. To set it
// from another thread, post the set() to its loop: portal::post.
class event {
 public:
  event() = default;
  event(const event&) = delete;
  event& operator=(const event&) = delete;

  // Sets the flag and wakes every waiter.
  void set() {
    affinity_.check("corio::event::set");
    is_set_ = true;
    while (!waiters_.empty()) detail::event_loop::current()->schedule(*waiters_.pop_front().fiber);
  }

  void clear() {
    affinity_.check("corio::event::clear");
    is_set_ = false;
  }

  bool is_set() const {
    affinity_.check("corio::event::is_set");
    return is_set_;
  }

  // Returns once the flag is set (at once if it is). A cancellation point.
  task<void> wait() { co_await wait_awaiter(*this); }

 private:
  struct waiter : detail::list_node {
    detail::fiber* fiber = nullptr;
  };

  class wait_awaiter : private detail::suspension, private waiter {
   public:
    using corio_awaitable = void;
    explicit wait_awaiter(event& owner) noexcept : suspension{&on_cancel}, owner_(owner) {}

    bool await_ready() {
      owner_.affinity_.check("corio::event::wait");
      fiber = &detail::event_loop::running("corio::event::wait").current_fiber();
      cancelled_ = fiber->cancellation_pending();
      return cancelled_ || owner_.is_set_;
    }
    void await_suspend(std::coroutine_handle<> awaiting) noexcept {
      owner_.waiters_.push_back(*this);
      fiber->block(awaiting, this);
    }
    void await_resume() const {
      if (cancelled_) throw cancelled_error();
    }

   private:
    static void on_cancel(suspension& s) noexcept {
      wait_awaiter& self = static_cast<wait_awaiter&>(s);
      detail::intrusive_list<waiter>::erase(self);
      self.cancelled_ = true;
      detail::event_loop::current()->schedule(*self.fiber);
    }

    event& owner_;
    bool cancelled_ = false;
  };

  detail::intrusive_list<waiter> waiters_;
  detail::thread_affinity affinity_;
  bool is_set_ = false;
};

}  // namespace corio

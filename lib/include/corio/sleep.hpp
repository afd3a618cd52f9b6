// sleep_for, sleep_until, yield: the basic suspension points.
#pragma once

#include <chrono>
#include <coroutine>

#include "corio/clock.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio {
namespace detail {

// Parks the fiber until a wake-up timer fires or its scope is cancelled.
class sleep_awaiter : private timer, private suspension {
 public:
  using corio_awaitable = void;
  explicit sleep_awaiter(steady_time until) noexcept : suspension{&on_cancel} {
    when = until;
    order = kind::wake_up;
    fire = &on_timer;
  }

  bool await_ready() {
    loop_ = &event_loop::running("corio::sleep");
    fiber_ = &loop_->current_fiber();
    cancelled_ = fiber_->cancellation_pending();  // a checkpoint even if the time has passed
    return cancelled_;
  }
  void await_suspend(std::coroutine_handle<> awaiting) {
    loop_->add_timer(*this);
    fiber_->block(awaiting, this);
  }
  void await_resume() const {
    if (cancelled_) throw cancelled_error();
  }

 private:
  static void on_timer(timer& t) noexcept {
    sleep_awaiter& self = static_cast<sleep_awaiter&>(t);
    self.loop_->schedule(*self.fiber_);
  }
  static void on_cancel(suspension& s) noexcept {
    sleep_awaiter& self = static_cast<sleep_awaiter&>(s);
    self.loop_->cancel_timer(self);
    self.cancelled_ = true;
    self.loop_->schedule(*self.fiber_);
  }

  event_loop* loop_ = nullptr;
  fiber* fiber_ = nullptr;
  bool cancelled_ = false;
};

// Lets every other ready fiber run once, then continues.
class yield_awaiter {
 public:
  using corio_awaitable = void;
  bool await_ready() {
    loop_ = &event_loop::running("corio::yield");
    cancelled_ = loop_->current_fiber().cancellation_pending();
    return cancelled_;
  }
  void await_suspend(std::coroutine_handle<> awaiting) noexcept {
    fiber& f = loop_->current_fiber();
    f.set_resume_point(awaiting);
    loop_->schedule(f);
  }
  void await_resume() const {
    if (cancelled_) throw cancelled_error();
  }

 private:
  event_loop* loop_ = nullptr;
  bool cancelled_ = false;
};

}  // namespace detail

// Each of these is a cancellation point: in a cancelled scope it throws
// cancelled_error instead of suspending (and keeps doing so: level-triggered).
inline task<void> sleep_until(steady_time deadline) { co_await detail::sleep_awaiter(deadline); }

inline task<void> sleep_for(std::chrono::nanoseconds duration) {
  co_await detail::sleep_awaiter(detail::deadline_after(detail::event_loop::running("corio::sleep_for"), duration));
}

inline task<void> yield() { co_await detail::yield_awaiter(); }

}  // namespace corio

// deadline_scope: a cancel scope that cancels itself at a point in time.
#pragma once

#include <chrono>

#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/timer_heap.hpp"

namespace corio::detail {

class deadline_scope : public owned_scope, private timer {
 public:
  deadline_scope(event_loop& loop, std::chrono::steady_clock::time_point deadline)
      : owned_scope(loop.current_fiber(), false), loop_(loop) {
    if (cancelled()) return;  // already cancelled from outside: the deadline cannot matter
    if (deadline <= loop.now()) {
      expire();  // a zero or past deadline cancels at the first suspension point
      return;
    }
    when = deadline;
    order = kind::deadline;
    fire = &on_timer;
    loop.add_timer(*this);
  }
  ~deadline_scope() { loop_.cancel_timer(*this); }

  // Only the scope whose own deadline expired converts the cancellation,
  // and only if nothing outside it is cancelled too: then the outer scope
  // owns the cancellation and this one lets cancelled_error through.
  bool expired_here() const noexcept { return expired_ && !parent()->cancelled(); }

 private:
  static void on_timer(timer& t) noexcept { static_cast<deadline_scope&>(t).expire(); }
  void expire() noexcept {
    expired_ = true;
    cancel_tree(*this);
  }

  event_loop& loop_;
  bool expired_ = false;
};

}  // namespace corio::detail

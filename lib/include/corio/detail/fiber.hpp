// fiber: one concurrently running chain of tasks, and the scopes it runs in.
#pragma once

#include <cassert>
#include <coroutine>
#include <cstdint>

#include "corio/detail/cancel_scope.hpp"

namespace corio::detail {

// What a blocked fiber is waiting on. on_cancel is called (possibly more
// than once) when the fiber's scope becomes cancelled while it waits; it
// either wakes the fiber with a cancellation or, for waits that must not be
// abandoned (to_thread), just records the request.
struct suspension {
  using cancel_fn = void (*)(suspension&) noexcept;
  cancel_fn on_cancel;
};

enum class fiber_state : std::uint8_t { idle, ready, running, blocked, finished };

// A fiber is the unit the event loop schedules: the root task of run() or a
// task spawned into a group. Tasks awaited with co_await run on the fiber of
// their awaiter. The fiber is embedded in the promise of its root task, so a
// spawn allocates nothing but the coroutine frame; it is its own root scope
// and its own ready-queue node (64 bytes on LP64).
class fiber : public cancel_scope {
 public:
  fiber() noexcept { mark_fiber_root(); }

  fiber_state state() const noexcept { return state_; }
  void set_state(fiber_state state) noexcept { state_ = state; }

  // The innermost scope the fiber currently runs in.
  cancel_scope& scope() noexcept { return *current_; }
  void enter_scope(cancel_scope& scope) noexcept { current_ = &scope; }

  // True if the fiber must not suspend: its innermost scope is cancelled.
  bool cancellation_pending() const noexcept { return current_->cancelled(); }

  // Parks the fiber. `resume_at` is the coroutine to continue when it is
  // woken; `wait` is null for waits that cancellation cannot interrupt.
  void block(std::coroutine_handle<> resume_at, suspension* wait) noexcept {
    resume_at_ = resume_at;
    wait_ = wait;
    state_ = fiber_state::blocked;
  }
  void set_resume_point(std::coroutine_handle<> resume_at) noexcept { resume_at_ = resume_at; }
  std::coroutine_handle<> resume_point() const noexcept { return resume_at_; }

  // Wakes the fiber with a cancellation if it is parked in an interruptible
  // wait and its innermost scope is cancelled.
  void interrupt_if_cancelled() noexcept {
    if (state_ == fiber_state::blocked && wait_ != nullptr && cancellation_pending()) wait_->on_cancel(*wait_);
  }

  // Intrusive link of the ready queue; meaningful only while ready.
  fiber*& queue_next() noexcept { return queue_next_; }

  // Becomes a root fiber: its root scope hangs below `parent` (nullptr for
  // the task given to run()).
  void start_as_root(cancel_scope* parent, std::coroutine_handle<> entry) noexcept {
    attach(parent, false);
    current_ = this;
    resume_at_ = entry;
  }

 protected:
  // Spare bytes of the task's bookkeeping (promise_base): a root task's
  // join_handle is gone; the task was awaited inline instead of spawned.
  bool detached_ = false;
  bool awaited_ = false;

 private:
  fiber_state state_ = fiber_state::idle;
  // A fiber is either queued (ready) or parked (blocked), never both.
  union {
    fiber* queue_next_ = nullptr;
    suspension* wait_;
  };
  std::coroutine_handle<> resume_at_;
  cancel_scope* current_ = this;
};

// docs/runtime.md ("Performance") promises 64 bytes of scheduling state per
// spawned child.
static_assert(sizeof(void*) != 8 || sizeof(fiber) <= 64,
              "corio: detail::fiber grew past the 64 bytes docs/runtime.md promises for each spawned child; reuse a "
              "spare field (as detached_/awaited_ do) or update the budget and the documentation");

// A scope pushed by a running fiber (timeout, shield, task group). It is
// entered on construction and left on destruction, so scopes nest like the
// code that creates them.
class owned_scope : public cancel_scope {
 public:
  owned_scope(fiber& owner, bool shield) noexcept : owner_(owner) {
    attach(&owner.scope(), shield);
    owner.enter_scope(*this);
  }
  ~owned_scope() {
    assert(&owner_.scope() == this && "corio: cancel scopes must be left in the order they were entered");
    owner_.enter_scope(*parent());
    detach();
  }
  fiber& owner() const noexcept { return owner_; }

 private:
  fiber& owner_;
};

inline fiber& owner_of(cancel_scope& scope) noexcept {
  if (scope.is_fiber_root()) return static_cast<fiber&>(scope);
  return static_cast<owned_scope&>(scope).owner();
}

// Cancels `scope` and wakes every fiber parked below it.
inline void cancel_tree(cancel_scope& scope) noexcept {
  scope.cancel([](cancel_scope& cancelled) { owner_of(cancelled).interrupt_if_cancelled(); });
}

}  // namespace corio::detail

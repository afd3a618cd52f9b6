// group_core: the bookkeeping of a task group that does not depend on T.
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/portal_state.hpp"
#include "corio/detail/promise_base.hpp"
#include "corio/exceptions.hpp"

namespace corio::detail {

inline bool is_cancellation(const std::exception_ptr& error) noexcept {
  try {
    std::rethrow_exception(error);
  } catch (const cancelled_error&) {
    return true;
  } catch (...) {
    return false;
  }
}

// The group's cancel scope is the parent of every child's root scope and
// the scope the body runs in, so cancelling it reaches them all. Children
// are found through that scope tree; the group itself keeps only counters,
// the failures, and the fiber waiting for the children.
class group_core : public owned_scope {
 public:
  enum class phase : std::uint8_t { open, failing, closed };

  group_core(event_loop& loop, fiber& body) noexcept : owned_scope(body, false), loop_(loop) {}
  group_core(const group_core&) = delete;
  group_core& operator=(const group_core&) = delete;
  ~group_core() {
    if (portal_ != nullptr && phase_ != phase::closed) {
      portal_->abandon();
      loop_.close_foreign_source();
    }
  }

  static group_core& of(cancel_scope& child_parent) noexcept { return static_cast<group_core&>(child_parent); }

  event_loop& loop() const noexcept { return loop_; }
  phase current_phase() const noexcept { return phase_; }

  void start_child(promise_base& child, std::coroutine_handle<> frame) noexcept {
    child.start_as_root(this, frame);
    ++live_children_;
    loop_.schedule(child);
  }

  void cancel() noexcept { cancel_tree(*this); }

  // The state behind task_group::portal(), made on first use. While it is
  // open, the loop expects work from other threads.
  const std::shared_ptr<portal_state>& share_portal() {
    if (portal_ == nullptr) {  // an open group: nobody can reach a closed one
      portal_ = std::make_shared<portal_state>(loop_, *this);
      loop_.open_foreign_source();
    }
    return portal_;
  }

  // Runs what portals sent (the loop took it off its foreign queue). A
  // posted function that throws fails the group, as a child would.
  void run_portal_jobs(bool cancel_requested, intrusive_fifo<portal_job>& jobs) noexcept {
    if (cancel_requested) cancel();
    while (portal_job* job = jobs.pop()) {
      std::unique_ptr<portal_job> owned(job);
      try {
        job->run(*this, owned);
      } catch (...) {
        record_failure(std::current_exception());
      }
    }
    wake_body_if_finished();
  }

  // A failure cancels everything in the group; all failures are kept, in
  // the order they happened, for the exception_group.
  void record_failure(std::exception_ptr error) {
    failures_.push_back(std::move(error));
    phase_ = phase::failing;
    cancel();
  }

  // The body ended with `error`. A cancelled_error raised because the group
  // (or something outside it) was cancelled is absorbed; anything else fails
  // the group.
  void body_failed(std::exception_ptr error) {
    if (cancelled() && is_cancellation(error))
      cut_short_ = true;
    else
      record_failure(std::move(error));
  }

  // Whether cancellation interrupted the body or a child (rather than
  // everything finishing on its own).
  bool cut_short() const noexcept { return cut_short_; }

  std::coroutine_handle<> child_finished(promise_base& child, std::coroutine_handle<> frame) noexcept {
    child.set_state(fiber_state::finished);
    child.detach();
    --live_children_;
    if (child.failed()) {
      if (child.cancelled() && is_cancellation(child.error()))
        cut_short_ = true;
      else  // the group owns the delivery; a live join_handle keeps a copy for result()
        record_failure(child.detached() ? child.take_error() : child.error());
    }
    if (fiber* joiner = child.joiner()) {
      child.set_joiner(nullptr);
      loop_.schedule(*joiner);
    }
    wake_body_if_finished();
    if (child.detached()) frame.destroy();
    return std::noop_coroutine();
  }

  // Awaited by the body's fiber after the body returned: waits for every
  // child. Cancellation cannot interrupt it (it reaches the children instead).
  class join_children {
   public:
    using corio_awaitable = void;
    explicit join_children(group_core& group) noexcept : group_(group) {}
    bool await_ready() noexcept { return group_.close_if_finished(); }
    void await_suspend(std::coroutine_handle<> body) noexcept {
      fiber& f = group_.loop_.current_fiber();
      group_.waiting_body_ = &f;
      f.block(body, nullptr);
    }
    void await_resume() const noexcept {}

   private:
    group_core& group_;
  };

  bool has_failures() const noexcept { return !failures_.empty(); }
  std::vector<std::exception_ptr> take_failures() noexcept { return std::move(failures_); }

 private:
  // The body has returned: the group closes (from now on nobody may spawn
  // into it) once no child is alive and no portal submission is on its way.
  bool close_if_finished() noexcept {
    if (live_children_ != 0) return false;
    if (portal_ != nullptr) {
      if (!portal_->try_close()) return false;
      loop_.close_foreign_source();
    }
    phase_ = phase::closed;
    return true;
  }

  void wake_body_if_finished() noexcept {
    if (waiting_body_ != nullptr && close_if_finished()) loop_.schedule(*std::exchange(waiting_body_, nullptr));
  }

  event_loop& loop_;
  std::shared_ptr<portal_state> portal_;
  std::vector<std::exception_ptr> failures_;
  std::size_t live_children_ = 0;
  fiber* waiting_body_ = nullptr;
  phase phase_ = phase::open;
  bool cut_short_ = false;
};

inline void portal_state::deliver_on_loop(foreign_completion& node) noexcept {
  portal_state& self = static_cast<portal_state&>(node);
  std::shared_ptr<portal_state> keep_alive;
  intrusive_fifo<portal_job> jobs;
  bool cancel_requested = false;
  group_core* group = nullptr;
  {
    std::lock_guard<std::mutex> lock(self.mutex_);
    keep_alive = std::move(self.in_loop_queue_);
    jobs = self.jobs_.take_all();
    cancel_requested = std::exchange(self.cancel_requested_, false);
    group = self.group_;
  }
  if (group == nullptr) return refuse_all(jobs);  // abandoned meanwhile
  group->run_portal_jobs(cancel_requested, jobs);
}

inline std::coroutine_handle<> on_task_finished(promise_base& promise, std::coroutine_handle<> self) noexcept {
  if (promise.awaited()) return transfer_to(promise.continuation());  // awaited inline
  if (promise.parent() == nullptr) {                                  // the task given to run()
    promise.set_state(fiber_state::finished);
    event_loop::current()->root_finished();
    return std::noop_coroutine();
  }
  return group_core::of(*promise.parent()).child_finished(promise, self);
}

}  // namespace corio::detail

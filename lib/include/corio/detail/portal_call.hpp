// portal_call: a task on one loop awaits a child it started, through a
// portal, in a group on another loop (corio::portal::call).
#pragma once

#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/group_core.hpp"
#include "corio/detail/portal_state.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio::detail {

// What the waiting task (on loop A) and the child (on loop B) share. The
// child's loop fills in the outcome and then hands this node to the
// waiter's loop; from then on only the waiter reads it. Kept alive by
// whoever still refers to it: the waiter, the child, a cancel request.
struct handoff_base : foreign_completion {
  // Loop B, while the child runs; read by a cancel request on loop B.
  promise_base* child = nullptr;
  event_loop* waiter_loop = nullptr;
  std::exception_ptr error;

  // Loop B: the outcome is in place; the waiter's loop takes over.
  void deliver() noexcept { waiter_loop->complete_from_foreign_thread(*this); }
};

template <class T>
struct handoff : handoff_base {
  std::optional<std::conditional_t<std::is_void_v<T>, std::monostate, T>> value;  // unused for void
};

// The request that starts the child. Refused (B's group closed, or torn
// down, before it ran), it wakes the waiter with group_closed.
template <class T>
class handoff_spawn_base : public portal_job {
 public:
  explicit handoff_spawn_base(std::shared_ptr<handoff<T>> shared) noexcept : shared_(std::move(shared)) {}
  void refuse() noexcept override {
    shared_->error = std::make_exception_ptr(group_closed());
    shared_->deliver();
  }

 protected:
  handoff<T>& shared() const noexcept { return *shared_; }
  virtual task<T> make() = 0;

 private:
  template <class U>
  friend task<void> handoff_child(std::unique_ptr<handoff_spawn_base<U>> job);
  std::shared_ptr<handoff<T>> shared_;
};

// The child on loop B. Its outcome, failure included, belongs to the
// awaiting task alone (as a task awaited inline does), so it never fails
// B's group; B's group still waits for it and its cancellation reaches it.
template <class T>
task<void> handoff_child(std::unique_ptr<handoff_spawn_base<T>> job) {
  handoff<T>& shared = *job->shared_;
  try {
    if constexpr (std::is_void_v<T>) {
      co_await job->make();
      shared.value.emplace();
    } else {
      shared.value.emplace(co_await job->make());
    }
  } catch (...) {
    shared.error = std::current_exception();
  }
  shared.child = nullptr;
  shared.deliver();  // job->shared_ still keeps the node alive
}

template <class T, class F>
class handoff_spawn final : public handoff_spawn_base<T> {
 public:
  handoff_spawn(std::shared_ptr<handoff<T>> shared, F make)
      : handoff_spawn_base<T>(std::move(shared)), make_(std::move(make)) {}

  void run(group_core& group, std::unique_ptr<portal_job>& self) override {
    handoff<T>& shared = this->shared();
    portal_job* job = self.release();  // ownership passes to the child
    task<void> child =
        handoff_child<T>(std::unique_ptr<handoff_spawn_base<T>>(static_cast<handoff_spawn_base<T>*>(job)));
    auto frame = task_access::release(child, "corio::portal::call");
    frame.promise().set_detached();  // nobody joins it: it frees itself
    shared.child = &frame.promise();
    group.start_child(frame.promise(), frame);
  }

 private:
  task<T> make() override { return make_(); }

  F make_;
};

// Sent to loop B when the waiting task is cancelled: cancels the child if it
// is still running there (it may have finished while this was on its way).
class handoff_cancel final : public portal_job {
 public:
  explicit handoff_cancel(std::shared_ptr<handoff_base> shared) noexcept : shared_(std::move(shared)) {}
  void run(group_core&, std::unique_ptr<portal_job>&) override {
    if (shared_->child != nullptr) cancel_tree(*shared_->child);
  }
  void refuse() noexcept override {}  // B's group closed: the child is done

 private:
  std::shared_ptr<handoff_base> shared_;
};

// Parks the waiting task on its own loop until the child's outcome comes
// back through that loop's foreign queue: no thread waits. Cancelling the
// waiting task sends a cancel request to the child and keeps waiting for
// it (the child may use what the waiter lent it), then throws
// cancelled_error unless the child failed otherwise.
template <class T>
class handoff_awaiter : private suspension {
 public:
  using corio_awaitable = void;

  handoff_awaiter(std::shared_ptr<portal_state> target, std::shared_ptr<handoff<T>> shared,
                  std::unique_ptr<portal_job> spawn)
      : suspension{&on_cancel},
        target_(std::move(target)),
        shared_(std::move(shared)),
        spawn_(std::move(spawn)),
        cancel_(std::make_unique<handoff_cancel>(shared_)) {}  // allocated now: on_cancel may not throw

  bool await_ready() {
    loop_ = &event_loop::running("corio::portal::call");
    cancelled_before_start_ = loop_->current_fiber().cancellation_pending();
    return cancelled_before_start_;
  }

  bool await_suspend(std::coroutine_handle<> awaiting) {
    fiber& waiter = loop_->current_fiber();
    shared_->waiter = &waiter;
    shared_->waiter_loop = loop_;
    loop_->begin_foreign_work();  // the loop waits for the reply instead of reporting a deadlock
    bool accepted = false;
    try {
      accepted = target_->submit(spawn_);
    } catch (...) {
      loop_->abandon_foreign_work();
      throw;
    }
    if (!accepted) {
      loop_->abandon_foreign_work();
      closed_ = true;
      return false;
    }
    // Loop B may already be done, but its reply waits in this loop's queue
    // until this fiber has yielded.
    waiter.block(awaiting, this);
    return true;
  }

  T await_resume() {
    if (cancelled_before_start_) throw cancelled_error();
    if (closed_) throw group_closed();
    // Taken out, so the exception dies on this thread and not with the last
    // reference to the shared state (which may be loop B's).
    const std::exception_ptr error = std::exchange(shared_->error, nullptr);
    // A real failure of the child outranks the cancellation (it must not be lost).
    if (error && !(cancel_sent_ && is_cancellation(error))) std::rethrow_exception(error);
    if (cancel_sent_) throw cancelled_error();
    if constexpr (!std::is_void_v<T>) return std::move(*shared_->value);
  }

 private:
  // On the waiter's loop, perhaps more than once.
  static void on_cancel(suspension& s) noexcept {
    handoff_awaiter& self = static_cast<handoff_awaiter&>(s);
    if (self.cancel_sent_) return;
    self.cancel_sent_ = true;
    // Refused only once B's group has closed, after the child finished.
    self.target_->submit(self.cancel_);
  }

  std::shared_ptr<portal_state> target_;
  std::shared_ptr<handoff<T>> shared_;
  std::unique_ptr<portal_job> spawn_;   // null once submitted
  std::unique_ptr<portal_job> cancel_;  // null once submitted
  event_loop* loop_ = nullptr;
  bool cancelled_before_start_ = false;
  bool closed_ = false;
  bool cancel_sent_ = false;
};

template <class T>
task<T> await_handoff(std::shared_ptr<portal_state> target, std::shared_ptr<handoff<T>> shared,
                      std::unique_ptr<portal_job> spawn) {
  co_return co_await handoff_awaiter<T>(std::move(target), std::move(shared), std::move(spawn));
}

}  // namespace corio::detail

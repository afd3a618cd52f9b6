// task_group, join_handle and with_task_group: structured concurrency.
#pragma once

#include <concepts>
#include <coroutine>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

#include "corio/config.hpp"
#include "corio/detail/affinity.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/group_core.hpp"
#include "corio/exception_group.hpp"
#include "corio/exceptions.hpp"
#include "corio/portal.hpp"
#include "corio/task.hpp"

namespace corio {

// Refers to one spawned child. Dropping it does not affect the child (it
// keeps running inside its group); the child's frame is freed when both the
// child has finished and the handle is gone.
template <class T>
class join_handle {
  using promise_type = detail::task_promise<T>;
  using frame_type = std::coroutine_handle<promise_type>;

 public:
  using corio_awaitable = void;
  join_handle() noexcept = default;
  join_handle(join_handle&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
  join_handle& operator=(join_handle&& other) noexcept {
    if (this != &other) {
      release();
      frame_ = std::exchange(other.frame_, nullptr);
    }
    return *this;
  }
  join_handle(const join_handle&) = delete;
  join_handle& operator=(const join_handle&) = delete;
  ~join_handle() { release(); }

  bool done() const { return child("done").state() == detail::fiber_state::finished; }

  // Cancels this child only; no effect once it has finished.
  void cancel() {
    promise_type& p = child("cancel");
    if (p.state() == detail::fiber_state::finished) return;
    CORIO_ASSERT_ON_LOOP(&detail::group_core::of(*p.parent()).loop(), "corio::join_handle::cancel");
    detail::cancel_tree(p);
  }

  // The child's value, or its exception rethrown. The group has already
  // delivered that exception (in its exception_group); this only reports it.
  std::add_lvalue_reference_t<T> result() {
    promise_type& p = child("result");
    if (p.state() != detail::fiber_state::finished)
      throw std::logic_error("corio::join_handle::result: the task has not finished; co_await the handle first");
    return p.result();
  }

  // How the child ended. All three are false/null while it runs. A child
  // counts as cancelled when its scope was cancelled (through its handle, its
  // group or an enclosing scope) and it ended with cancelled_error; any other
  // exception makes it failed.
  bool failed() const {
    const promise_type& p = child("failed");
    return p.state() == detail::fiber_state::finished && p.failed() && !ended_by_cancellation(p);
  }
  bool cancelled() const {
    const promise_type& p = child("cancelled");
    return p.state() == detail::fiber_state::finished && p.failed() && ended_by_cancellation(p);
  }
  // The exception a failed child ended with (the same object its group
  // delivered), or null if it returned or was cancelled. logic_error before done.
  std::exception_ptr exception() const {
    const promise_type& p = child("exception");
    if (p.state() != detail::fiber_state::finished)
      throw std::logic_error("corio::join_handle::exception: the task has not finished; co_await the handle first");
    return failed() ? p.error() : nullptr;
  }

  template <bool MoveResult>
  class awaiter : private detail::suspension {
   public:
    using corio_awaitable = void;
    explicit awaiter(promise_type& child) noexcept : suspension{&on_cancel}, child_(child) {}

    bool await_ready() {
      waiter_ = &detail::event_loop::running("corio::join_handle co_await").current_fiber();
      if (waiter_->cancellation_pending()) {
        cancelled_ = true;
        return true;
      }
      if (child_.state() == detail::fiber_state::finished) return true;
      if (child_.joiner() != nullptr)
        throw std::logic_error("corio::join_handle: co_await while another task is already awaiting the same child");
      return false;
    }
    void await_suspend(std::coroutine_handle<> awaiting) noexcept {
      child_.set_joiner(waiter_);
      waiter_->block(awaiting, this);
    }
    // A failed child's exception is delivered once, by its group. Inside the
    // group the awaiter is then being cancelled, so it sees cancelled_error.
    // Outside (after the group ended) there is no cancellation to report:
    // awaiting such a child is a logic_error that says where the failure went.
    // A cancelled child yields cancelled_error.
    std::conditional_t<MoveResult, T, std::add_lvalue_reference_t<T>> await_resume() {
      if (cancelled_) throw cancelled_error();
      if (child_.failed()) {
        if (ended_by_cancellation(child_)) throw cancelled_error();
        throw std::logic_error(
            "corio::join_handle: co_await on a child that failed; its exception was delivered by its group (in the "
            "exception_group); check failed() or exception() (or call result()) instead of awaiting it");
      }
      if constexpr (MoveResult && !std::is_void_v<T> && !std::is_reference_v<T>)
        return std::move(child_.result());
      else
        return child_.result();
    }

   private:
    static void on_cancel(suspension& self) noexcept {
      awaiter& a = static_cast<awaiter&>(self);
      a.child_.set_joiner(nullptr);
      a.cancelled_ = true;
      detail::event_loop::current()->schedule(*a.waiter_);
    }

    promise_type& child_;
    detail::fiber* waiter_ = nullptr;
    bool cancelled_ = false;
  };

  awaiter<false> operator co_await() & { return awaiter<false>(child("co_await")); }
  awaiter<true> operator co_await() && { return awaiter<true>(child("co_await")); }

 private:
  friend class task_group;
  explicit join_handle(frame_type frame) noexcept : frame_(frame) {}

  static bool ended_by_cancellation(const promise_type& p) {
    return p.cancelled() && detail::is_cancellation(p.error());
  }

  promise_type& child(const char* operation) const {
    if (!frame_)
      throw std::logic_error(std::string("corio::join_handle::") + operation +
                             ": empty handle (moved-from or default-constructed)");
    return frame_.promise();
  }

  void release() noexcept {
    if (!frame_) return;
    if (frame_.promise().state() == detail::fiber_state::finished)
      frame_.destroy();
    else
      frame_.promise().set_detached();
    frame_ = nullptr;
  }

  frame_type frame_;
};

namespace detail {
struct group_runner;

// The frame of this coroutine owns `f` and `args` until f's task is done.
template <class R, class F, class... Args>
task<R> keep_alive_call(F f, Args... args) {
  co_return co_await std::invoke(f, std::move(args)...);
}
}  // namespace detail

// A nursery: lives exactly as long as the with_task_group call that made it.
class task_group {
 public:
  task_group(const task_group&) = delete;
  task_group& operator=(const task_group&) = delete;

  // Starts `child` concurrently (it first runs in the next tick). Into a
  // group that is cancelled or failing, the child starts already cancelled
  // (Trio's start_soon): it runs up to its first suspension point, which
  // throws cancelled_error, and it counts as cancelled, not failed. Throws
  // std::logic_error once the group has finished.
  template <class T>
  join_handle<T> spawn(task<T> child) {
    CORIO_ASSERT_ON_LOOP(&core_.loop(), "corio::task_group::spawn");
    if (core_.current_phase() == detail::group_core::phase::closed)
      throw std::logic_error(
          "corio::task_group::spawn: the group has finished (its body and all its children completed); spawn into a "
          "group whose with_task_group call is still running");
    auto frame = detail::task_access::release(child, "corio::task_group::spawn");
    core_.start_child(frame.promise(), frame);
    return join_handle<T>(frame);
  }

  // Starts `f(args...)` as a child, keeping `f` and the arguments alive in
  // the child's frame until the child finishes (asio::co_spawn's and Trio's
  // start_soon(fn, *args) form). So `f` may be a coroutine lambda with
  // captures, and the arguments may be temporaries: they are moved into the
  // frame and passed to `f` from there (wrap in std::ref to pass a
  // reference). `f` must return a corio::task.
  template <class F, class... Args>
    requires(!detail::is_task_v<std::remove_cvref_t<F>>)
  auto spawn(F f, Args... args) {
    static_assert(std::is_invocable_v<F&, Args&&...>,
                  "corio::task_group::spawn: f must be callable as f(args...) (arguments passed from the child's frame "
                  "as rvalues; wrap references in std::ref)");
    using result_task = std::invoke_result_t<F&, Args&&...>;
    static_assert(detail::is_task_v<result_task>,
                  "corio::task_group::spawn: f(args...) must return a corio::task<R>; to spawn a task, pass it: "
                  "spawn(make_task())");
    return spawn(detail::keep_alive_call<typename result_task::value_type>(std::move(f), std::move(args)...));
  }

  // Cancels the body and every child. Unless something failed, the group
  // then completes normally (Trio's nursery.cancel_scope.cancel()).
  void cancel() {
    CORIO_ASSERT_ON_LOOP(&core_.loop(), "corio::task_group::cancel");
    core_.cancel();
  }

  // A handle through which other threads spawn into, post to and cancel
  // this group (corio/portal.hpp). While one exists and the group is open,
  // the loop waits for other threads rather than report a deadlock.
  corio::portal portal() {
    CORIO_ASSERT_ON_LOOP(&core_.loop(), "corio::task_group::portal");
    return corio::portal(core_.share_portal());
  }

 private:
  friend struct detail::group_runner;
  explicit task_group(detail::event_loop& loop) noexcept : core_(loop, loop.current_fiber()) {}

  detail::group_core core_;
};

namespace detail {

template <class Task>
struct task_result {};
template <class T>
struct task_result<task<T>> {
  using type = T;
};

template <class F>
using group_result_t = typename task_result<std::invoke_result_t<F&, task_group&>>::type;

struct group_runner {
  template <class R, class F>
  static task<R> run(F body) {
    task_group group(event_loop::running("corio::with_task_group"));
    group_core& core = group.core_;
    // Only a non-void body has a value to keep.
    using stored = std::conditional_t<
        std::is_void_v<R>, std::monostate,
        std::conditional_t<std::is_reference_v<R>, std::reference_wrapper<std::remove_reference_t<R>>, R>>;
    [[maybe_unused]] std::optional<stored> value;
    try {
      if constexpr (std::is_void_v<R>)
        co_await body(group);
      else
        value.emplace(co_await body(group));
    } catch (...) {
      core.body_failed(std::current_exception());
    }
    co_await group_core::join_children(core);
    if (core.has_failures()) throw exception_group(core.take_failures());
    // Cut short by a cancellation from outside: keep it propagating.
    if (core.cut_short() && core.parent()->cancelled()) throw cancelled_error();
    // Cut short by task_group::cancel(): the expected outcome for a void
    // body; a non-void body that was interrupted has nothing to return.
    if constexpr (std::is_void_v<R>) {
      co_return;
    } else {
      if (!value) throw cancelled_error();
      if constexpr (std::is_reference_v<R>)
        co_return value->get();
      else
        co_return std::move(*value);
    }
  }
};

}  // namespace detail

// What with_task_group accepts: a callable that takes the group by
// reference and returns a corio::task (a coroutine lambda usually).
template <class F>
concept task_group_body = std::invocable<F&, task_group&> && requires { typename detail::group_result_t<F>; };

// Runs body(group) and then waits until every child has finished. The group
// cannot outlive this call, so no child outlives its scope. Failures come out
// as one exception_group (body's included, in completion order); a
// cancellation from outside comes out as cancelled_error.
template <class F>
CORIO_CORO_WRAPPER auto with_task_group(F body) {
  if constexpr (task_group_body<F>) {
    return detail::group_runner::run<detail::group_result_t<F>>(std::move(body));
  } else {
    static_assert(detail::dependent_false<F>,
                  "corio::with_task_group: the body is not a corio::task_group_body; it must be callable as "
                  "body(corio::task_group&) and return a corio::task<R>, e.g. "
                  "[&](corio::task_group& g) -> corio::task<> { ...; co_return; }");
  }
}

}  // namespace corio

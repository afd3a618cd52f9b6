// cancel_scope and with_cancel_scope: a scope that can be cancelled, shielded
// and given a deadline that moves while its body runs (Trio's CancelScope,
// asyncio's Timeout.reschedule). with_timeout, move_on_after and shielded are
// built on it.
#pragma once

#include <chrono>
#include <concepts>
#include <optional>
#include <type_traits>
#include <utility>

#include "corio/clock.hpp"
#include "corio/config.hpp"
#include "corio/detail/affinity.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio {
namespace detail {
struct scope_runner;
}  // namespace detail

// Lives exactly as long as the with_cancel_scope call (or timeout, or
// shield) that made it, in that call's frame. Code awaited in the body runs
// inside it; so do children of groups opened in the body. Its methods may be
// called from any task on the same loop while the body runs.
class cancel_scope : private detail::owned_scope, private detail::timer {
 public:
  cancel_scope(const cancel_scope&) = delete;
  cancel_scope& operator=(const cancel_scope&) = delete;
  ~cancel_scope() { loop_.cancel_timer(*this); }

  // Cancels everything in the scope; the body's next suspension point (or
  // the one it is parked in) throws cancelled_error. Never undone.
  void cancel() {
    CORIO_ASSERT_ON_LOOP(&loop_, "corio::cancel_scope::cancel");
    detail::cancel_tree(*this);
  }

  // Moves the deadline, earlier or later; one already passed cancels at
  // once. steady_time::max() means none. A scope already cancelled by its
  // own request stays cancelled whatever the new deadline.
  void set_deadline(steady_time deadline) {
    CORIO_ASSERT_ON_LOOP(&loop_, "corio::cancel_scope::set_deadline");
    loop_.cancel_timer(*this);
    when = deadline;
    if (cancel_requested() || deadline == steady_time::max()) return;
    if (deadline <= loop_.now())
      detail::cancel_tree(*this);
    else
      loop_.add_timer(*this);
  }
  steady_time deadline() const noexcept { return when; }

  // A shielded scope is not reached by cancellation from outside; its own
  // cancel() and deadline still work. Raising the shield protects the
  // suspension points reached from then on (a cancelled_error already
  // thrown keeps unwinding); lowering it under a cancelled enclosing scope
  // cancels the body at once.
  void set_shield(bool shield) {
    CORIO_ASSERT_ON_LOOP(&loop_, "corio::cancel_scope::set_shield");
    owned_scope::set_shield(shield, [](detail::cancel_scope& s) { detail::owner_of(s).interrupt_if_cancelled(); });
  }
  bool shield() const noexcept { return shielded(); }

  // Whether code in the scope must not suspend any more (its own request,
  // its deadline, or an unshielded enclosing scope).
  bool cancelled() const noexcept { return owned_scope::cancelled(); }
  // Whether the scope's own cancel() or deadline cancelled it.
  bool cancel_called() const noexcept { return cancel_requested(); }

 private:
  friend struct detail::scope_runner;

  cancel_scope(detail::event_loop& loop, steady_time deadline, bool shield)
      : owned_scope(loop.current_fiber(), shield), loop_(loop) {
    when = deadline;
    order = kind::deadline;
    fire = &on_deadline;
    // A past deadline cancels at the first suspension point. The timer is
    // armed even under an outer cancellation: raising the shield lifts that.
    if (deadline == steady_time::max()) return;
    if (deadline <= loop.now())
      detail::cancel_tree(*this);
    else
      loop.add_timer(*this);
  }

  static void on_deadline(timer& t) noexcept { detail::cancel_tree(static_cast<cancel_scope&>(t)); }

  // Only the scope whose own request cut the body short absorbs the
  // cancellation, and only if nothing outside it is cancelled too: then the
  // outer scope owns the cancellation and this one lets cancelled_error through.
  bool cut_short_here() const noexcept { return cancel_requested() && !parent()->cancelled(); }

  detail::event_loop& loop_;
};

namespace detail {

// Where a scope's deadline comes from: a point in time, or a duration from
// when the scope is entered (tasks are lazy: with_timeout's clock starts
// when it is awaited).
struct deadline_spec {
  steady_time at = steady_time::max();
  std::chrono::nanoseconds after{};
  bool relative = false;

  steady_time resolve(const event_loop& loop) const noexcept { return relative ? deadline_after(loop, after) : at; }
};

// The one place scopes are entered: each entry point runs body(scope) in a
// scope of its own and maps what cut the body short to its result.
struct scope_runner {
  struct setup {
    const char* operation;
    deadline_spec deadline;
    bool shield;
  };

  // Enters a scope in the calling coroutine's frame (a prvalue: the scope
  // is built where it lives, never moved).
  static corio::cancel_scope enter(const setup& how) {
    event_loop& loop = event_loop::running(how.operation);
    return corio::cancel_scope(loop, how.deadline.resolve(loop), how.shield);
  }

  // Empty if the scope's own request cut the body short.
  template <class T, class Body>
  static task<std::optional<T>> or_empty(setup how, Body body) {
    corio::cancel_scope scope = enter(how);
    try {
      co_return std::optional<T>(co_await body(scope));
    } catch (const cancelled_error&) {  // NOLINT(async-swallowed-cancellation): absorbs only its own request
      if (!scope.cut_short_here()) throw;
    }
    co_return std::nullopt;
  }

  // False if the scope's own request cut the body short.
  template <class Body>
  static task<bool> or_false(setup how, Body body) {
    corio::cancel_scope scope = enter(how);
    try {
      co_await body(scope);
      co_return true;
    } catch (const cancelled_error&) {  // NOLINT(async-swallowed-cancellation): absorbs only its own request
      if (!scope.cut_short_here()) throw;
    }
    co_return false;
  }

  // timeout_error if the deadline cut the body short.
  template <class T, class Body>
  static task<T> or_timeout_error(setup how, Body body) {
    corio::cancel_scope scope = enter(how);
    try {
      co_return co_await body(scope);
    } catch (const cancelled_error&) {  // NOLINT(async-swallowed-cancellation): converts only its own expiry
      // The body has finished unwinding by now.
      if (scope.cut_short_here()) throw timeout_error();
      throw;
    }
  }
};

// The body of a scope around a task that exists already: hands it over.
template <class T>
struct given_task {
  task<T> t;
  task<T> operator()(corio::cancel_scope&) noexcept { return std::move(t); }
};

template <class F>
using scope_body_task_t = std::invoke_result_t<F&, corio::cancel_scope&>;

}  // namespace detail

// What with_cancel_scope accepts: a callable that takes the scope by
// reference and returns a corio::task (a coroutine lambda usually).
template <class F>
concept cancel_scope_body = std::invocable<F&, cancel_scope&> && detail::is_task_v<detail::scope_body_task_t<F>>;

// Runs body(scope) inside a new scope. Like move_on_after: the result is
// empty (false for a void body) when the scope's own cancel() or deadline
// cut the body short; a cancellation from outside keeps propagating as
// cancelled_error, and any other exception passes through. A body that
// completes normally after cancel() still delivers its value.
template <class F>
CORIO_CORO_WRAPPER auto with_cancel_scope(F body) {
  if constexpr (cancel_scope_body<F>) {
    using T = typename detail::scope_body_task_t<F>::value_type;
    static_assert(!std::is_reference_v<T>,
                  "corio::with_cancel_scope: task<T&> has no std::optional<T&>; return a pointer (task<T*>) from the "
                  "body");
    const detail::scope_runner::setup how{"corio::with_cancel_scope", {}, false};
    if constexpr (std::is_void_v<T>)
      return detail::scope_runner::or_false(how, std::move(body));
    else
      return detail::scope_runner::or_empty<T>(how, std::move(body));
  } else {
    static_assert(detail::dependent_false<F>,
                  "corio::with_cancel_scope: the body must be callable as body(corio::cancel_scope&) and return a "
                  "corio::task<T>, e.g. [&](corio::cancel_scope& scope) -> corio::task<> { ...; co_return; }");
  }
}

}  // namespace corio

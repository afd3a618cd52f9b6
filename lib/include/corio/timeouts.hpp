// with_timeout, with_deadline, move_on_after: cancel a task at a deadline.
#pragma once

#include <chrono>
#include <optional>
#include <type_traits>
#include <utility>

#include "corio/clock.hpp"
#include "corio/config.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"
#include "corio/detail/deadline_scope.hpp"
#include "corio/detail/event_loop.hpp"

namespace corio {
namespace detail {

// A deadline given either as a point in time or relative to when the timed
// task starts (tasks are lazy: with_timeout's clock starts when awaited).
struct deadline_spec {
  steady_time at;
  std::chrono::nanoseconds after;
  bool relative;

  steady_time resolve(const event_loop& loop) const noexcept { return relative ? deadline_after(loop, after) : at; }
};

template <class T>
task<T> timeout_or_throw(deadline_spec deadline, task<T> timed) {
  event_loop& loop = event_loop::running("corio::with_timeout");
  deadline_scope scope(loop, deadline.resolve(loop));
  try {
    co_return co_await std::move(timed);
  } catch (const cancelled_error&) {  // NOLINT(async-swallowed-cancellation): see below
    // This scope owns the cancellation it caused: converting it is the job
    // of a timeout (any other cancellation is rethrown). `timed` has
    // finished unwinding by now.
    if (scope.expired_here()) throw timeout_error();
    throw;
  }
}

template <class T>
task<std::optional<T>> timeout_or_empty(deadline_spec deadline, task<T> timed) {
  static_assert(!std::is_reference_v<T>,
                "corio::move_on_after: task<T&> has no std::optional<T&>; return a pointer (task<T*>) from the timed task");
  event_loop& loop = event_loop::running("corio::move_on_after");
  deadline_scope scope(loop, deadline.resolve(loop));
  try {
    co_return std::optional<T>(co_await std::move(timed));
  } catch (const cancelled_error&) {  // NOLINT(async-swallowed-cancellation): absorbs only its own expiry
    if (!scope.expired_here()) throw;
  }
  co_return std::nullopt;
}

inline task<bool> timeout_or_false(deadline_spec deadline, task<void> timed) {
  event_loop& loop = event_loop::running("corio::move_on_after");
  deadline_scope scope(loop, deadline.resolve(loop));
  try {
    co_await std::move(timed);
    co_return true;
  } catch (const cancelled_error&) {  // NOLINT(async-swallowed-cancellation): absorbs only its own expiry
    if (!scope.expired_here()) throw;
  }
  co_return false;
}

}  // namespace detail

// On expiry: cancels `timed`, waits until it has unwound, then throws
// timeout_error, unless `timed` completed normally first (even in the same
// tick as the deadline).
template <class T>
CORIO_CORO_WRAPPER task<T> with_deadline(steady_time deadline, task<T> timed) {
  return detail::timeout_or_throw(detail::deadline_spec{deadline, {}, false}, std::move(timed));
}

template <class T>
CORIO_CORO_WRAPPER task<T> with_timeout(std::chrono::nanoseconds timeout, task<T> timed) {
  return detail::timeout_or_throw(detail::deadline_spec{{}, timeout, true}, std::move(timed));
}

// Like with_timeout, but expiry yields an empty optional instead of throwing.
template <class T>
  requires(!std::is_void_v<T>)
CORIO_CORO_WRAPPER task<std::optional<T>> move_on_after(std::chrono::nanoseconds timeout, task<T> timed) {
  return detail::timeout_or_empty(detail::deadline_spec{{}, timeout, true}, std::move(timed));
}

// For a void task: true if it completed, false if the timeout cut it short.
CORIO_CORO_WRAPPER inline task<bool> move_on_after(std::chrono::nanoseconds timeout, task<void> timed) {
  return detail::timeout_or_false(detail::deadline_spec{{}, timeout, true}, std::move(timed));
}

}  // namespace corio

// with_timeout, with_deadline, move_on_after: cancel a task at a deadline.
#pragma once

#include <chrono>
#include <optional>
#include <type_traits>
#include <utility>

#include "corio/cancel_scope.hpp"
#include "corio/clock.hpp"
#include "corio/config.hpp"
#include "corio/task.hpp"

namespace corio {

// On expiry: cancels `timed`, waits until it has unwound, then throws
// timeout_error, unless `timed` completed normally first (even in the same
// tick as the deadline).
template <class T>
CORIO_CORO_WRAPPER task<T> with_deadline(steady_time deadline, task<T> timed) {
  return detail::scope_runner::or_timeout_error<T>({"corio::with_timeout", {deadline, {}, false}, false},
                                                   detail::given_task<T>{std::move(timed)});
}

template <class T>
CORIO_CORO_WRAPPER task<T> with_timeout(std::chrono::nanoseconds timeout, task<T> timed) {
  return detail::scope_runner::or_timeout_error<T>({"corio::with_timeout", {{}, timeout, true}, false},
                                                   detail::given_task<T>{std::move(timed)});
}

// Like with_timeout, but expiry yields an empty optional instead of throwing.
template <class T>
  requires(!std::is_void_v<T>)
CORIO_CORO_WRAPPER task<std::optional<T>> move_on_after(std::chrono::nanoseconds timeout, task<T> timed) {
  static_assert(
      !std::is_reference_v<T>,
      "corio::move_on_after: task<T&> has no std::optional<T&>; return a pointer (task<T*>) from the timed task");
  return detail::scope_runner::or_empty<T>({"corio::move_on_after", {{}, timeout, true}, false},
                                           detail::given_task<T>{std::move(timed)});
}

// For a void task: true if it completed, false if the timeout cut it short.
CORIO_CORO_WRAPPER inline task<bool> move_on_after(std::chrono::nanoseconds timeout, task<void> timed) {
  return detail::scope_runner::or_false({"corio::move_on_after", {{}, timeout, true}, false},
                                        detail::given_task<void>{std::move(timed)});
}

}  // namespace corio

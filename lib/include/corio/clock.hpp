// Time as seen by tasks: the running loop's clock, real or virtual.
#pragma once

#include <chrono>

#include "corio/detail/event_loop.hpp"

namespace corio {

using steady_time = std::chrono::steady_clock::time_point;

// Tag for run(task, virtual_clock{}): whenever no task is ready, time jumps
// to the next timer (Trio's autojump clock). Virtual time starts at the real
// now and only moves forward; it stands still while to_thread work runs.
struct virtual_clock {};

// The running loop's current time.
inline steady_time now() { return detail::event_loop::running("corio::now").now(); }

namespace detail {
// now + d without overflowing: an enormous timeout means "never".
inline steady_time deadline_after(const event_loop& loop, std::chrono::nanoseconds d) noexcept {
  const steady_time start = loop.now();
  if (d > steady_time::max() - start) return steady_time::max();
  return start + d;
}
}  // namespace detail

}  // namespace corio

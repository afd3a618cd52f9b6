// run: drive an event loop on the calling thread until a task completes.
#pragma once

#include <stdexcept>
#include <utility>

#include "corio/clock.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/task.hpp"

namespace corio {
namespace detail {

template <class T>
T run_on_new_loop(task<T>& main, bool virtual_time) {
  if (event_loop::current() != nullptr)
    throw std::logic_error(
        "corio::run: called while a corio event loop is already running on this thread; co_await the task "
        "(or spawn it into a task_group) instead of nesting run()");
  auto frame = task_access::frame(main, "corio::run");  // `main` still frees it
  event_loop loop(virtual_time);
  frame.promise().start_as_root(nullptr, frame);
  loop.run(frame.promise());
  if (loop.deadlocked())
    throw std::logic_error(
        "corio::run: deadlock: every task was waiting and nothing could wake them; all tasks were cancelled "
        "to unwind");
  return frame.promise().take_result();
}

}  // namespace detail

// Runs `main` on a new event loop on this thread; returns its value or
// rethrows its exception.
template <class T>
T run(task<T> main) {
  return detail::run_on_new_loop(main, false);
}

// The same on virtual time: timeouts and sleeps complete instantly and
// deterministically.
template <class T>
T run(task<T> main, virtual_clock) {
  return detail::run_on_new_loop(main, true);
}

}  // namespace corio

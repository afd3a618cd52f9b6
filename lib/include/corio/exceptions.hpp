// The exceptions the runtime itself raises into tasks (and portals' futures).
#pragma once

#include <exception>
#include <stdexcept>

namespace corio {

// Raised at a suspension point of a task whose cancel scope was cancelled.
// Let it propagate: the scope that cancelled the task absorbs it.
class cancelled_error : public std::exception {
 public:
  const char* what() const noexcept override { return "corio::cancelled_error: the task was cancelled"; }
};

// Raised by with_timeout/with_deadline after the timed task has unwound.
class timeout_error : public std::exception {
 public:
  const char* what() const noexcept override { return "corio::timeout_error: the deadline expired"; }
};

// What a portal's future holds, or a portal::call throws, when the group had
// already closed (its body and every child had finished) before the
// submission reached it.
class group_closed : public std::logic_error {
 public:
  group_closed()
      : std::logic_error(
            "corio::group_closed: the task group behind this portal has finished; nothing more can be started in "
            "it") {}
};

}  // namespace corio

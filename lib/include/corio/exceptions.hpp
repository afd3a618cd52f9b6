// The two exceptions the runtime itself raises into tasks.
#pragma once

#include <exception>

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

}  // namespace corio

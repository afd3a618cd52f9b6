// Debug-build detection of loop-affine operations called from a foreign thread.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "corio/detail/event_loop.hpp"

namespace corio::detail {

[[noreturn]] inline void report_affinity_violation(const char* operation) noexcept {
  std::fprintf(stderr,
               "corio: %s called from a thread that is not running the object's event loop; corio objects "
               "are loop-affine (hand blocking work to corio::to_thread instead)\n",
               operation);
  std::abort();
}

// Binds an object to the thread that first uses it (a semaphore or event can
// be built before run(), and read after it on the same thread); any use from
// another thread is a foreign-thread call.
class thread_affinity {
 public:
  void check([[maybe_unused]] const char* operation) const noexcept {
#ifndef NDEBUG
    const std::thread::id here = std::this_thread::get_id();
    if (owner_ == std::thread::id()) owner_ = here;
    if (here != owner_) report_affinity_violation(operation);
#endif
  }

 private:
  [[maybe_unused]] mutable std::thread::id owner_;
};

}  // namespace corio::detail

// Aborts with a message in debug builds when `loop` is not the loop running
// on this thread; compiles to nothing with NDEBUG, like assert.
#ifndef NDEBUG
#define CORIO_ASSERT_ON_LOOP(loop, operation) \
  ((::corio::detail::event_loop::current() == (loop)) ? (void)0 : ::corio::detail::report_affinity_violation(operation))
#else
#define CORIO_ASSERT_ON_LOOP(loop, operation) ((void)0)
#endif

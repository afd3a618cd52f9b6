// Detection of loop-affine operations called from a foreign thread.
#pragma once

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "corio/detail/event_loop.hpp"

namespace corio::detail {

[[noreturn]] inline void report_affinity_violation(const char* operation) noexcept {
  std::fprintf(stderr,
               "corio: %s called from a thread that is not running the object's event loop; corio objects "
               "are loop-affine (reach a loop from another thread through a corio::portal, count across threads "
               "with a corio::capacity_limiter, hand blocking work to corio::to_thread)\n",
               operation);
  std::abort();
}

// Binds an object to the thread that first uses it (a semaphore or event can
// be built before run(), and read after it on the same thread); any use from
// another thread aborts with a message, in every build: without the check it
// would be a silent data race. The binding itself is atomic, so even two
// threads racing for the first use are told apart.
class thread_affinity {
 public:
  void check(const char* operation) const noexcept {
    const std::thread::id here = std::this_thread::get_id();
    std::thread::id owner = owner_.load(std::memory_order_relaxed);
    if (owner == here) return;
    if (owner == std::thread::id() && owner_.compare_exchange_strong(owner, here, std::memory_order_relaxed)) return;
    report_affinity_violation(operation);
  }

 private:
  mutable std::atomic<std::thread::id> owner_{};
};

}  // namespace corio::detail

// Aborts with a message when `loop` is not the loop running on this thread,
// in every build (one thread-local load).
#define CORIO_ASSERT_ON_LOOP(loop, operation) \
  ((::corio::detail::event_loop::current() == (loop)) ? (void)0 : ::corio::detail::report_affinity_violation(operation))

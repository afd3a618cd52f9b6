// Shared helpers for the runtime tests.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <corio/corio.hpp>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace corio_test {

using namespace std::chrono_literals;
using corio::task;

// Runs the coroutine lambda `f` on virtual time. `f` outlives the run, so
// its captures stay valid for every task it starts.
template <class F>
auto run_virtual(F f) {
  return corio::run(f(), corio::virtual_clock{});
}

// A failure with an identity, so tests can check which exceptions arrived
// and that each arrived exactly once.
struct failure : std::runtime_error {
  explicit failure(int id) : std::runtime_error("failure " + std::to_string(id)), id(id) {}
  int id;
};

// The ids of the `failure`s directly in `group`, in order; other members
// are reported as -1.
inline std::vector<int> failure_ids(const corio::exception_group& group) {
  std::vector<int> ids;
  for (const std::exception_ptr& e : group.exceptions()) {
    try {
      std::rethrow_exception(e);
    } catch (const failure& f) {
      ids.push_back(f.id);
    } catch (...) {
      ids.push_back(-1);
    }
  }
  return ids;
}

// Counts live instances: proves that locals of cancelled tasks and frames
// (which hold parameter copies) are destroyed, and destroyed once.
struct tracked {
  static inline int live = 0;
  static inline int destroyed = 0;
  tracked() noexcept { ++live; }
  tracked(const tracked&) noexcept { ++live; }
  ~tracked() {
    --live;
    ++destroyed;
  }
  static void reset() noexcept { live = destroyed = 0; }
};

inline std::chrono::nanoseconds since(corio::steady_time start) { return corio::now() - start; }

}  // namespace corio_test

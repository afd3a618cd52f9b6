// Mock of folly/executors/ManualExecutor.h (ScheduledExecutor and
// SequencedExecutor reduced to empty bases).
#pragma once
#include "DrivableExecutor.h"
#include <cstddef>

namespace folly {
class ScheduledExecutor : public virtual Executor {};
class SequencedExecutor : public virtual Executor {};

class ManualExecutor : public DrivableExecutor, public ScheduledExecutor, public SequencedExecutor {
public:
  size_t run();
  size_t drain();
  void wait();
  void makeProgress() {
    wait();
    run();
  }
  void drive() override { makeProgress(); }
  template <class F> void waitFor(F const &f) {
    while (!f.isReady())
      run();
  }
  std::size_t clear();
};
} // namespace folly

// Mock of folly/executors/DrivableExecutor.h.
#pragma once
#include "../futures/Future.h"

namespace folly {
class DrivableExecutor : public virtual Executor {
public:
  ~DrivableExecutor() override = default;
  // Makes progress on this executor's work, on the calling thread.
  virtual void drive() = 0;
};
} // namespace folly

#pragma once
#include "../../futures/Future.h"
namespace folly {
class EventBase : public Executor {
public:
  EventBase();
  bool loop();
  bool loopOnce(int flags = 0);
  void loopForever();
  void terminateLoopSoon();
};
} // namespace folly

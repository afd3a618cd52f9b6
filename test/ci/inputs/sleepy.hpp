// A header included by two translation units: its finding must be reported
// once by corio-tidy-project.
#pragma once

#include "coroutine_task.hpp"

#include <chrono>
#include <thread>

inline task doze() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  co_return;
}

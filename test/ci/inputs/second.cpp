// Includes sleepy.hpp too, so its finding is reached twice.
#include "sleepy.hpp"

task snooze() {
  std::this_thread::sleep_until(std::chrono::steady_clock::now());
  co_return;
}

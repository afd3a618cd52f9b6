// An unreadable MaxPollInterval is reported and the default (1s) used: the
// 10ms poll is still found, the 2s period still left alone.
// RUN: %corio_tidy --checks='-*,async-busy-wait' --config="{CheckOptions: {async-busy-wait.MaxPollInterval: 'soon'}}" %s -- -std=c++20 -I %corio_include 2>&1 \
// RUN:   | %FileCheck %s
// CHECK-DAG: invalid MaxPollInterval 'soon': expected a count and a unit (ns, us, ms, s, min, h) such as '1s'; using '1s'
// CHECK-DAG: :[[@LINE+10]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 10ms
// CHECK-NOT: sleeps 2s

#include <atomic>
#include <chrono>
#include <corio/corio.hpp>

std::atomic<bool> ready{false};

corio::task<void> polls() {
  while (!ready)
    co_await corio::sleep_for(std::chrono::milliseconds(10));
  while (!ready)
    co_await corio::sleep_for(std::chrono::seconds(2));
}

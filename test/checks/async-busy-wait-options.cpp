// RUN: %check_async %s async-busy-wait %t -- -I %corio_include
// RUN: %check_async --check-suffix=LONG --config="{CheckOptions: {async-busy-wait.MaxPollInterval: '5s'}}" %s async-busy-wait %t -- -I %corio_include
// RUN: %check_async --check-suffix=OWN --config="{CheckOptions: {async-busy-wait.SleepFunctions: '::app::nap;::app::reschedule', async-busy-wait.MaxPollInterval: '100 ms'}}" %s async-busy-wait %t -- -I %corio_include
// RUN: %corio_tidy --checks='-*,async-busy-wait' --config="{CheckOptions: {async-busy-wait.SleepFunctions: '::app::nap;corio::yield'}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP %s
// RUN: %corio_tidy --checks='-*,async-busy-wait' --dump-config %s -- | %FileCheck --check-prefix=DUMP-DEFAULT %s

// The effective list is stored: the value, or the catalogue's names.
// DUMP: async-busy-wait.SleepFunctions: '::app::nap;corio::yield'
// DUMP-DEFAULT: async-busy-wait.SleepFunctions: '::boost::asio::post;{{.*}}::corio::sleep_for{{.*}}'

// MaxPollInterval moves the line between a poll and a deliberate period;
// SleepFunctions replaces the catalogue's sleeps and yields (a function
// without a duration argument is a yield), so the defaults can be dropped.

#include <atomic>
#include <chrono>
#include <corio/corio.hpp>

using namespace std::chrono_literals;

namespace app {
corio::task<void> nap(int attempt, std::chrono::milliseconds interval);
corio::task<void> reschedule();
} // namespace app

std::atomic<bool> ready{false};

corio::task<void> polls_every_two_seconds() {
  while (!ready)
    co_await corio::sleep_for(2s);
  // CHECK-MESSAGES-LONG: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 2s
}

corio::task<void> polls_every_ten_milliseconds() {
  while (!ready)
    co_await corio::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 10ms
  // CHECK-MESSAGES-LONG: :[[@LINE-3]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 10ms
}

corio::task<void> naps() {
  while (!ready)
    co_await app::nap(1, 50ms);
  // CHECK-MESSAGES-OWN: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 50ms
  while (!ready)
    co_await app::nap(1, 500ms);
  while (!ready)
    co_await app::reschedule();
  // CHECK-MESSAGES-OWN: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine at each yield
}

// RUN: %check_async %s async-busy-wait %t -- -I %corio_include

// async-busy-wait on corio's own sleeps and yields: a loop that only pauses
// between checks of a condition is reported; retries doing real work,
// growing backoffs, periodic loops, counted loops and long periods are not.

#include <atomic>
#include <chrono>
#include <corio/corio.hpp>

using namespace std::chrono_literals;

std::atomic<bool> ready{false};
bool flag = false;
corio::task<bool> try_connect();
void tick();

corio::task<void> polls_with_sleep() {
  while (!ready)
    co_await corio::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 10ms whether or not anything changed [async-busy-wait]
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: wait for the change instead: have the code that makes this true signal the coroutine (a 'corio::event', a channel, or a condition the producer signals)
}

corio::task<void> polls_with_yield() {
  while (!flag) {
    co_await corio::yield();
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: this loop busy-waits on a condition, waking the coroutine at each yield
}

corio::task<void> polls_in_the_body() {
  for (;;) {
    if (ready.load())
      break;
    co_await corio::sleep_for(std::chrono::milliseconds(50));
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 50ms
  // CHECK-MESSAGES: :[[@LINE-5]]:9: note: wait for the change instead
}

corio::task<void> polls_after_sleeping() {
  do {
    co_await corio::sleep_for(100ms);
  } while (!ready);
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 100ms
}

constexpr auto poll_interval = 20ms;

corio::task<void> polls_with_a_constant() {
  while (!ready)
    co_await corio::sleep_for(poll_interval);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 20ms
}

corio::task<void> polls_at_the_limit() {
  // MaxPollInterval (1s) itself is still a poll; a fractional count too.
  while (!ready)
    co_await corio::sleep_for(1s);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 1s
  while (!ready)
    co_await corio::sleep_for(std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::duration<double>(0.25)));
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 250ms
}

// A template is reported once, at the loop, however often it is instantiated.
template <typename Flag> corio::task<void> polls_any_flag(Flag &f) {
  while (!f.load())
    co_await corio::sleep_for(5ms);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 5ms
}
template corio::task<void> polls_any_flag(std::atomic<bool> &);
template corio::task<void> polls_any_flag(std::atomic<int> &);

#define WAIT_UNTIL(condition)                                                                      \
  while (!(condition))                                                                             \
  co_await corio::sleep_for(10ms)

corio::task<void> polls_through_a_macro() {
  WAIT_UNTIL(ready);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this loop busy-waits on a condition, waking the coroutine every 10ms
}

auto lambda_polls = []() -> corio::task<void> {
  while (!ready)
    co_await corio::yield();
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this loop busy-waits on a condition, waking the coroutine at each yield
};

// Left alone.

corio::task<void> sleeps_a_deliberate_period() {
  while (!ready)
    co_await corio::sleep_for(2s);
}

corio::task<void> sleeps_an_interval_known_at_run_time(std::chrono::milliseconds interval) {
  while (!ready)
    co_await corio::sleep_for(interval);
}

corio::task<void> retries_real_work() {
  bool connected = false;
  while (!connected) {
    connected = co_await try_connect();
    co_await corio::sleep_for(10ms);
  }
  while (!(co_await try_connect()))
    co_await corio::sleep_for(10ms);
}

corio::task<void> backs_off() {
  auto delay = 1ms;
  while (!ready) {
    co_await corio::sleep_for(delay);
    delay *= 2;
  }
}

corio::task<void> runs_periodically() {
  for (;;)
    co_await corio::sleep_for(10ms);
}

corio::task<void> ticks_periodically() {
  while (true) {
    co_await corio::sleep_for(10ms);
    tick();
  }
}

corio::task<void> waits_a_fixed_number_of_times() {
  for (int i = 0; i < 3; ++i)
    co_await corio::sleep_for(10ms);
}

corio::task<void> waits_for_the_event(corio::event &done) {
  while (!ready)
    co_await done.wait();
}

corio::task<void> runs_once() {
  do {
    co_await corio::sleep_for(10ms);
  } while (false);
}

void not_a_coroutine() {
  while (!ready) {
  }
}

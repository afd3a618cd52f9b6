// RUN: %check_async %s async-coroutine-callback %t -- -I %corio_include

// async-coroutine-callback with corio tasks and the standard library: a
// coroutine handed to a slot that calls it and drops its result.

#include <algorithm>
#include <corio/corio.hpp>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

corio::task<void> refresh();
corio::task<void> handle(int id);
void log_line();

void registers(std::function<void()> callback);
void registers_a_task_maker(std::function<corio::task<void>()> make);

void stores_callbacks() {
  std::function<void()> on_tick = []() -> corio::task<void> { co_await refresh(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'std::function<void ()>' discards the 'corio::task<>' this callable returns: the coroutine never runs [async-coroutine-callback]
  // CHECK-MESSAGES: :[[@LINE-2]]:35: note: start the coroutine where its task is kept and joined: 'tg.spawn(...)' on a 'corio::task_group'
  on_tick = refresh;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::function<void ()>' discards the 'corio::task<>' this callable returns: the coroutine never runs
  registers(&refresh);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::function<void ()>' discards the 'corio::task<>'
  auto coroutine = []() -> corio::task<void> { co_return; };
  registers(coroutine);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::function<void ()>' discards the 'corio::task<>'
  // A lambda that returns a task it did not await drops it just the same.
  registers([] { return refresh(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::function<void ()>' discards the 'corio::task<>'
  std::function<void(int)> on_id = handle;
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'std::function<void (int)>' discards the 'corio::task<>'
  // A wrapper that returns the task hands it to whoever calls it: not here.
  std::function<corio::task<void>()> maker = refresh;
  std::function<void()> drops_the_maker = maker;
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'std::function<void ()>' discards the 'corio::task<>'
}

void starts_threads(std::vector<int> &ids) {
  std::thread worker([]() -> corio::task<void> { co_await refresh(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'std::thread' discards the 'corio::task<>' this callable returns: the coroutine never runs
  std::jthread stoppable(refresh);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'std::jthread' discards the 'corio::task<>'
  std::for_each(ids.begin(), ids.end(), handle);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'std::for_each' discards the 'corio::task<>'
  std::for_each_n(ids.begin(), 2, [](int id) -> corio::task<void> { co_await handle(id); });
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'std::for_each_n' discards the 'corio::task<>'
  static std::once_flag once;
  std::call_once(once, refresh);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'std::call_once' discards the 'corio::task<>'
  worker.join();
}

// In a template, each instantiation that passes a task-returning callable
// is the same place: one warning.
template <typename F> void registers_later(F f) { registers(f); }
// CHECK-MESSAGES: :[[@LINE-1]]:61: warning: 'std::function<void ()>' discards the 'corio::task<>'
void instantiates() {
  registers_later(refresh);
  registers_later([]() -> corio::task<void> { co_return; });
  registers_later(log_line);
}

#define ON_TICK(body) registers([]() -> corio::task<void> body)
void through_a_macro() {
  ON_TICK({ co_await refresh(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::function<void ()>' discards the 'corio::task<>'
}

// Left alone.

corio::task<void> spawns(corio::task_group &tg) {
  // The task group keeps the task and joins it.
  tg.spawn([]() -> corio::task<void> { co_await refresh(); });
  tg.spawn(refresh);
  registers_a_task_maker(refresh);
  registers_a_task_maker([]() -> corio::task<void> { co_return; });
  co_return;
}

void plain_callbacks(std::vector<int> &ids) {
  registers(log_line);
  registers([] {});
  std::function<void()> tick = log_line;
  tick = [] {};
  std::thread worker(log_line);
  std::for_each(ids.begin(), ids.end(), [](int) {});
  // The function of a thread, not the callable it is given.
  std::thread runner([](std::function<corio::task<void>()> make) { (void)make; }, refresh);
  worker.join();
  runner.join();
}

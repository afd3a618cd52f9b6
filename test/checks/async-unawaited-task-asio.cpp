// RUN: %check_async %s async-unawaited-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=VOID --config="{CheckOptions: {async-unawaited-task.AllowVoidCast: true}}" %s async-unawaited-task %t -- -isystem %inputs

#include <boost/asio.hpp>

#include <utility>
#include <vector>

namespace net = boost::asio;

net::awaitable<void> send_heartbeat();
net::awaitable<int> read_value();
net::awaitable<void> ping();
net::awaitable<int> load();

// A dropped awaitable never runs; in an awaitable coroutine, co_await it.
net::awaitable<void> forgets_to_await() {
  send_heartbeat();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped without being awaited, so its coroutine never runs [async-unawaited-task]
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-FIXES: co_await send_heartbeat();
  // CHECK-FIXES-VOID: co_await send_heartbeat();
  read_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'read_value' is dropped
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: the 'boost::asio::awaitable' returned by 'read_value' is dropped
  // CHECK-FIXES: co_await read_value();
  // CHECK-FIXES-VOID: co_await read_value();
  co_return;
}

// An Asio operation with use_awaitable returns an awaitable too, and so does
// co_spawn with use_awaitable.
net::awaitable<void> forgets_operations(net::steady_timer &timer, net::io_context &ctx) {
  timer.async_wait(net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'boost::asio::basic_waitable_timer::async_wait' is dropped
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: the 'boost::asio::awaitable' returned by 'boost::asio::basic_waitable_timer::async_wait' is dropped
  // CHECK-FIXES: co_await timer.async_wait(net::use_awaitable);
  // CHECK-FIXES-VOID: co_await timer.async_wait(net::use_awaitable);
  net::co_spawn(ctx, send_heartbeat(), net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'boost::asio::co_spawn' is dropped
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: the 'boost::asio::awaitable' returned by 'boost::asio::co_spawn' is dropped
  // CHECK-FIXES: co_await net::co_spawn(ctx, send_heartbeat(), net::use_awaitable);
  // CHECK-FIXES-VOID: co_await net::co_spawn(ctx, send_heartbeat(), net::use_awaitable);
  co_return;
}

// A cast to void still never runs the task; AllowVoidCast accepts it.
net::awaitable<void> casts_to_void() {
  (void)send_heartbeat();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-FIXES: (void)co_await send_heartbeat();
  static_cast<void>(read_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the 'boost::asio::awaitable' returned by 'read_value' is dropped
  // CHECK-FIXES: static_cast<void>(co_await read_value());
  co_return;
}

// Statement positions other than a block, and a comma's left side.
net::awaitable<void> other_statement_positions(bool again) {
  if (again)
    send_heartbeat();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:5: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-FIXES: co_await send_heartbeat();
  // CHECK-FIXES-VOID: co_await send_heartbeat();
  for (int i = 0; i < 3; ++i)
    send_heartbeat(), ++i;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:5: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-FIXES: co_await send_heartbeat(), ++i;
  // CHECK-FIXES-VOID: co_await send_heartbeat(), ++i;
  co_return;
}

// A local that holds a task nobody uses afterwards (no fix: which use is
// meant is the author's call).
net::awaitable<void> unused_local() {
  auto pending = read_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lazy task 'pending' of type 'boost::asio::awaitable' is never awaited, spawned or passed on, so its coroutine never runs [async-unawaited-task]
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:8: warning: lazy task 'pending' of type 'boost::asio::awaitable' is never awaited
  co_return;
}

// Outside a coroutine there is nothing to co_await with: a note, no fix.
void plain_function() {
  send_heartbeat();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: a lazy task runs only once it is awaited from a coroutine or handed to something that starts it (a spawner or a runner)
  // CHECK-MESSAGES-VOID: :[[@LINE-3]]:3: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
}

// co_await is not allowed in a handler: a note, no fix.
net::awaitable<void> in_handler() {
  try {
    co_await read_value();
  } catch (...) {
    send_heartbeat();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: co_await it
    // CHECK-MESSAGES-VOID: :[[@LINE-3]]:5: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  }  // Nor in the initializer of a static local.
  static int once = (send_heartbeat(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: co_await it
  // CHECK-MESSAGES-VOID: :[[@LINE-3]]:22: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  (void)once;
}

// A macro that drops a task is reported at its use, without a fix.
#define FIRE(task) task
net::awaitable<void> through_macro() {
  FIRE(send_heartbeat());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:8: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  co_return;
}

// A template coroutine instantiated twice reports once.
template <class T> net::awaitable<T> fetch();
template <class T> net::awaitable<void> prefetch() {
  fetch<T>();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'fetch' is dropped
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: the 'boost::asio::awaitable' returned by 'fetch' is dropped
  // CHECK-FIXES: co_await fetch<T>();
  // CHECK-FIXES-VOID: co_await fetch<T>();
  co_return;
}
template net::awaitable<void> prefetch<int>();
template net::awaitable<void> prefetch<double>();

// A generic coroutine lambda instantiated twice reports once.
auto run_maker = [](auto make) -> net::awaitable<void> {
  make();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this 'boost::asio::awaitable' is dropped without being awaited, so its coroutine never runs
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: this 'boost::asio::awaitable' is dropped
  // CHECK-FIXES: {{^}}  co_await make();
  // CHECK-FIXES-VOID: {{^}}  co_await make();
  co_return;
};
net::awaitable<void> use_run_maker() {
  co_await run_maker(send_heartbeat);
  co_await run_maker(read_value);
}

// A coroutine lambda that drops a task.
auto lambda_coroutine = []() -> net::awaitable<void> {
  send_heartbeat();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: the 'boost::asio::awaitable' returned by 'send_heartbeat' is dropped
  // CHECK-FIXES: co_await send_heartbeat();
  // CHECK-FIXES-VOID: co_await send_heartbeat();
  co_return;
};

// Negatives: awaited, returned, stored, passed on, spawned, moved into a
// container that is awaited later, or kept in a variable that is used.
net::awaitable<void> consume(net::awaitable<int> task);
net::awaitable<void> uses_its_tasks(net::io_context &ctx) {
  co_await ping();
  int v = co_await load();
  (void)v;
  auto later = load();
  co_await std::move(later);
  std::vector<net::awaitable<int>> batch;
  batch.push_back(load());
  batch.emplace_back(load());
  for (auto &task : batch)
    co_await std::move(task);
  co_await consume(load());
  net::co_spawn(ctx, ping(), net::detached);
  co_await net::co_spawn(ctx, load(), net::use_awaitable);
  auto ignored_by_reference = [](net::awaitable<int> &) {};
  auto kept = load();
  ignored_by_reference(kept);
}
net::awaitable<int> returns_task() { return load(); }
struct holder {
  void replace() { member = load(); }
  net::awaitable<int> member = load();
};

// Negatives: std::move of a task is not a new task; nor is a default one.
void not_created_here(net::awaitable<int> &task) {
  std::move(task);
  net::awaitable<int> empty;
}

// Negative: unevaluated operands never create anything.
using heartbeat_type = decltype(ping());
static_assert(sizeof(load()) > 0);

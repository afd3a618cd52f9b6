// RUN: %check_async --fix-notes %s async-dangling-capture %t -- -isystem %inputs -I %corio_include

// A capturing lambda coroutine invoked on the spot: its closure is a
// temporary, so the task must finish within the full-expression.

#include <corio/corio.hpp>

#include <utility>
#include <vector>

using corio::task;

struct widget {
  int id = 0;
  task<int> later();
  task<void> self_spawn(corio::task_group &g);
};

task<void> spawned(int n) {
  co_await corio::with_task_group([&](corio::task_group &g) -> task<void> {
    g.spawn([&]() -> task<void> { n++; co_return; }());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is spawned into a task group [async-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:54: note: the closure is destroyed here, at the end of the full-expression
    // CHECK-MESSAGES: :[[@LINE-3]]:13: note: pass the lambda itself: 'corio::task_group::spawn' keeps it alive until its coroutine finishes
    // CHECK-FIXES: {{^}}    g.spawn([&]() -> task<void> { n++; co_return; });
    g.spawn([n]() -> task<int> { co_return n; } ( ));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the captures of this lambda coroutine dangle
    // CHECK-MESSAGES: :[[@LINE-2]]:52: note: the closure is destroyed here
    // CHECK-MESSAGES: :[[@LINE-3]]:13: note: pass the lambda itself
    // CHECK-FIXES: {{^}}    g.spawn([n]() -> task<int> { co_return n; });
    // With arguments, the spawn(F, args...) form would change what is
    // copied: a note only.
    g.spawn([&](int k) -> task<void> { n += k; co_return; }(2));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the captures of this lambda coroutine dangle
    // CHECK-MESSAGES: :[[@LINE-2]]:63: note: the closure is destroyed here
    // CHECK-MESSAGES: :[[@LINE-3]]:13: note: keep the lambda in a variable that outlives the task, or pass what it needs as parameters by value{{$}}
    co_return;
  });
}

task<int> stored(int n) {
  auto t = [&n]() -> task<int> { co_return n; }();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is stored [async-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:49: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the lambda in a variable
  co_return co_await std::move(t);
}

task<int> returned(int n) {
  return [n]() -> task<int> { co_return n; }();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is returned [async-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:46: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: keep the lambda in a variable
}

task<int> widget::later() {
  std::vector<task<int>> pending;
  pending.push_back([this]() -> task<int> { co_return id; }());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is stored [async-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:62: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: keep the lambda in a variable
  co_return co_await std::move(pending.front());
}

// In a template: reported once, at the lambda, whatever the instantiations.
template <class T> task<T> generic(T value) {
  auto t = [value]() -> task<T> { co_return value; }();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the captures of this lambda coroutine dangle
  // CHECK-MESSAGES: :[[@LINE-2]]:54: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the lambda in a variable
  co_return co_await std::move(t);
}
template task<int> generic(int);
template task<long> generic(long);

// Negatives: the task finishes while the closure lives, or nothing is
// captured, or the lambda object itself is kept alive.
task<int> safe(int n) {
  int a = co_await [&]() -> task<int> { co_return n; }();
  int b = co_await corio::with_timeout(std::chrono::seconds(1), [&]() -> task<int> { co_return n; }());
  auto no_captures = []() -> task<int> { co_return 1; }();
  int c = co_await std::move(no_captures);
  auto named = [&]() -> task<int> { co_return n; };
  int d = co_await named();
  co_await corio::with_task_group([&](corio::task_group &g) -> task<void> {
    g.spawn([&]() -> task<void> { n++; co_return; });
    co_await g.spawn([&]() -> task<void> { n++; co_return; }());
    co_return;
  });
  co_return a + b + c + d;
}

int blocking(int n) {
  return corio::run([&]() -> task<int> { co_return n; }());
}

// A lambda that is not a coroutine returns a task made elsewhere.
task<int> forwarded(int n) {
  auto t = [&]() { return returned(n); }();
  co_return co_await std::move(t);
}

// In a macro: reported at the expansion, without a fix-it.
#define SPAWN_IN(group, child) (group).spawn(child)
task<void> in_macro(int n) {
  co_await corio::with_task_group([&](corio::task_group &g) -> task<void> {
    SPAWN_IN(g, [&]() -> task<void> { n++; co_return; }());
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is spawned into a task group [async-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the closure is destroyed here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: pass the lambda itself
    // CHECK-FIXES: {{^}}    SPAWN_IN(g, [&]() -> task<void> { n++; co_return; }());
    co_return;
  });
}

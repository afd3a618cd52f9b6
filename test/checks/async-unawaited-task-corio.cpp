// RUN: %check_async %s async-unawaited-task %t -- -isystem %inputs -I %corio_include

#include <corio/corio.hpp>

#include <chrono>
#include <vector>

using namespace std::chrono_literals;

corio::task<int> fetch(int key);
corio::task<void> flush();

corio::task<void> forgets() {
  flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'corio::task' returned by 'flush' is dropped without being awaited, so its coroutine never runs [async-unawaited-task]
  // CHECK-FIXES: {{^}}  co_await flush();
  corio::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'corio::task' returned by 'corio::sleep_for' is dropped
  // CHECK-FIXES: {{^}}  co_await corio::sleep_for(10ms);
  corio::with_task_group([](corio::task_group &tg) -> corio::task<void> {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'corio::task' returned by 'corio::with_task_group' is dropped
    // CHECK-FIXES: {{^}}  co_await corio::with_task_group([](corio::task_group &tg) -> corio::task<void> {
    tg.spawn(fetch(1));
    co_return;
  });
  corio::with_timeout(1s, fetch(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'corio::task' returned by 'corio::with_timeout' is dropped
  // CHECK-FIXES: {{^}}  co_await corio::with_timeout(1s, fetch(2));
  if (true)
    [[likely]] flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the 'corio::task' returned by 'flush' is dropped
  // CHECK-FIXES: {{^}}    {{\[\[}}likely]] co_await flush();
  auto unused = fetch(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lazy task 'unused' of type 'corio::task' is never awaited, spawned or passed on, so its coroutine never runs
  co_return;
}

// Tasks made by overloaded operators: co_await goes in front of a unary or
// a postfix one as written; a binary one would need parentheses, so only a
// note there.
struct Pipeline {
  corio::task<void> operator()() const;
  corio::task<void> operator[](int) const;
};
corio::task<void> operator-(Pipeline);
corio::task<void> operator|(Pipeline, Pipeline);
corio::task<void> forgets_operators(Pipeline p) {
  -p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this 'corio::task' is dropped without being awaited
  // CHECK-FIXES: {{^}}  co_await -p;{{$}}
  p();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this 'corio::task' is dropped without being awaited
  // CHECK-FIXES: {{^}}  co_await p();{{$}}
  p[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this 'corio::task' is dropped without being awaited
  // CHECK-FIXES: {{^}}  co_await p[1];{{$}}
  p | p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this 'corio::task' is dropped without being awaited
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await it
  // CHECK-FIXES: {{^}}  p | p;{{$}}
  co_return;
}

// Not in a coroutine: a note, no fix.
void not_a_coroutine() {
  flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'corio::task' returned by 'flush' is dropped
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: a lazy task runs only once it is awaited from a coroutine or handed to something that starts it (a spawner or a runner)
}

// Negatives: spawned (the join_handle may be dropped: spawning for effect is
// normal), awaited, run, passed on, kept in a container that is awaited.
corio::task<int> consume(corio::task<int> t) { co_return co_await std::move(t); }
corio::task<void> negatives(corio::task_group &tg) {
  tg.spawn(fetch(10));
  auto handle = tg.spawn(fetch(11));
  co_await handle;
  co_await corio::sleep_for(1ms);
  int v = co_await fetch(12);
  (void)v;
  co_await consume(fetch(13));
  std::vector<corio::task<int>> pending;
  pending.push_back(fetch(14));
  for (auto &t : pending)
    co_await std::move(t);
  co_await corio::shielded(flush());
  // The last statement of a GNU statement expression is its value, labelled
  // or with attributes too.
  auto labelled = ({ done: flush(); });
  co_await std::move(labelled);
  auto attributed = ({ [[likely]] flush(); });
  co_await std::move(attributed);
}
int main_like() { return corio::run(fetch(15)); }

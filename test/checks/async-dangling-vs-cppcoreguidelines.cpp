// RUN: %check_async %s cppcoreguidelines-avoid-capturing-lambda-coroutines,cppcoreguidelines-avoid-reference-coroutine-parameters,async-dangling-reference,async-dangling-capture %t -- -isystem %inputs -I %corio_include

// The same file under upstream's two blunt checks and corio's two: upstream
// flags every reference parameter of a coroutine and every capturing lambda
// coroutine, the safe idioms included; corio flags only the uses where the
// referenced object dies before the task. Every line below that has an
// upstream warning and no async-* one is a safe idiom corio leaves alone.

#include <corio/corio.hpp>

#include <string>
#include <utility>

using corio::task;

task<int> length(const std::string &s) { co_return static_cast<int>(s.size()); }
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: coroutine parameters should not be references [cppcoreguidelines-avoid-reference-coroutine-parameters]

task<int> dangerous(int n) {
  auto t = length(std::string("dies first"));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a temporary bound to reference parameter 's' of coroutine 'length' is destroyed before the coroutine finishes [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:44: note: the temporary is destroyed here
  // CHECK-MESSAGES: :16:37: note: take the parameter by value
  co_await corio::with_task_group([&](corio::task_group &g) -> task<void> {
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: coroutine lambda may cause use-after-free, avoid captures or ensure lambda closure object has guaranteed lifetime [cppcoreguidelines-avoid-capturing-lambda-coroutines]
  // CHECK-MESSAGES: :[[@LINE-2]]:39: warning: coroutine parameters should not be references [cppcoreguidelines-avoid-reference-coroutine-parameters]
    g.spawn([&]() -> task<void> { n++; co_return; }());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: coroutine lambda may cause use-after-free
    // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is spawned into a task group [async-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-3]]:54: note: the closure is destroyed here
    // CHECK-MESSAGES: :[[@LINE-4]]:13: note: pass the lambda itself
    co_return;
  });
  co_return co_await std::move(t);
}

task<int> safe(const std::string &name, int n) {
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: coroutine parameters should not be references [cppcoreguidelines-avoid-reference-coroutine-parameters]
  int a = co_await length(std::string("awaited at once"));
  int b = co_await [&]() -> task<int> { co_return n; }();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: coroutine lambda may cause use-after-free
  co_await corio::with_task_group([&](corio::task_group &g) -> task<void> {
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: coroutine lambda may cause use-after-free
  // CHECK-MESSAGES: :[[@LINE-2]]:39: warning: coroutine parameters should not be references
    g.spawn([&]() -> task<void> { n++; co_return; });
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: coroutine lambda may cause use-after-free
    g.spawn(length(name));
    co_return;
  });
  co_return a + b;
}

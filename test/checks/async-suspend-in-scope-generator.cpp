// RUN: %check_async %s async-suspend-in-scope %t -- -I %corio_include

// corio::generator with the real runtime headers (PEP 789). corio's scopes
// are entered by calls whose body is a task (with_timeout, move_on_after,
// with_cancel_scope, shielded, with_task_group), and a task cannot co_yield,
// so a generator cannot yield inside them. What can be alive at a co_yield
// is a corio::cancel_scope held in the generator's own frame (the runtime's
// internal entry point, which corio::shielded uses) or a user's RAII type
// that moves a scope's deadline: the check flags both at co_yield and leaves
// their co_awaits, and scopes that end before the yield, alone.

#include <chrono>
#include <corio/corio.hpp>
#include <optional>

using namespace std::chrono_literals;

corio::task<int> fetch();

// Tightens an enclosing scope's deadline for as long as it lives.
class [[clang::annotate("corio::scope")]] tightened_deadline {
public:
  tightened_deadline(corio::cancel_scope &scope, corio::steady_time deadline)
      : scope_(scope), previous_(scope.deadline()) {
    scope_.set_deadline(deadline);
  }
  ~tightened_deadline() { scope_.set_deadline(previous_); }
  tightened_deadline(const tightened_deadline &) = delete;
  tightened_deadline &operator=(const tightened_deadline &) = delete;

private:
  corio::cancel_scope &scope_;
  corio::steady_time previous_;
};

corio::detail::scope_runner::setup shield_setup() { return {"test", {}, true}; }

// --- Positives: a scope alive at co_yield in a corio::generator. ---

corio::generator<int> yields_inside_cancel_scope() {
  const corio::cancel_scope scope = corio::detail::scope_runner::enter(shield_setup());
  int v = co_await fetch();
  co_yield v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_yield' suspends the generator while scope 'scope' of type 'const corio::cancel_scope' is active; its deadline or cancellation reaches the consumer [async-suspend-in-scope]
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: 'scope' is active from here to the end of its block; for a timeout use corio::with_timeout, which runs the timed work as a task that cannot yield to the consumer
  // CHECK-MESSAGES: :[[@LINE-6]]:23: note: each 'co_yield' in 'yields_inside_cancel_scope' hands control to its consumer until the generator is resumed
}

corio::generator<int> yields_under_tightened_deadline(corio::cancel_scope &scope) {
  tightened_deadline budget(scope, corio::now() + 1s);
  for (int i = 0; i < 3; ++i)
    co_yield co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_yield' suspends the generator while scope 'budget' of type 'tightened_deadline' is active
  // CHECK-MESSAGES: :[[@LINE-4]]:22: note: 'budget' is active from here
  // CHECK-MESSAGES: :[[@LINE-6]]:23: note: each 'co_yield' in 'yields_under_tightened_deadline' hands control
}

auto generator_lambda = [](corio::cancel_scope &scope) -> corio::generator<int> {
  tightened_deadline budget(scope, corio::now() + 1s);
  co_yield 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_yield' suspends the generator while scope 'budget'
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: 'budget' is active from here
  // CHECK-MESSAGES: :[[@LINE-5]]:25: note: each 'co_yield' in this lambda hands control
};

// --- Negatives: silent. ---

// The scope bounds the awaits only; it ends before the value is yielded.
corio::generator<int> scope_closed_before_yield(corio::cancel_scope &scope) {
  int v = 0;
  {
    tightened_deadline budget(scope, corio::now() + 1s);
    v = co_await fetch();
  }
  co_yield v;
}

// The timed work runs as a task: nothing of the timeout is alive at the yield.
corio::generator<int> yields_what_a_timeout_returned() {
  for (;;) {
    std::optional<int> v = co_await corio::move_on_after(1s, fetch());
    if (!v)
      co_return;
    co_yield *v;
  }
}

// A scope across co_await in a task is what scopes are for.
corio::task<int> task_with_scope(corio::cancel_scope &scope) {
  tightened_deadline budget(scope, corio::now() + 1s);
  co_return co_await fetch();
}

corio::task<int> scope_inside_task() {
  const corio::cancel_scope scope = corio::detail::scope_runner::enter(shield_setup());
  co_return co_await fetch();
}

// The consumer bounding its own loop: the generator runs inside the
// consumer's scope during next(), which is the consumer's choice.
corio::task<int> consumer_with_timeout(corio::generator<int> &numbers) {
  std::optional<int> total = co_await corio::with_cancel_scope([&](corio::cancel_scope &scope) -> corio::task<int> {
    scope.set_deadline(corio::now() + 1s);
    int sum = 0;
    while (std::optional<int> v = co_await numbers.next())
      sum += *v;
    co_return sum;
  });
  co_return total.value_or(0);
}

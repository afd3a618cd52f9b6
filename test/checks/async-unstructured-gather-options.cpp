// RUN: %check_async --config="{CheckOptions: {async-unstructured-gather.StrictMode: true}}" --check-suffix=STRICT %s async-unstructured-gather %t -- -isystem %inputs -I %corio_include
// RUN: %check_async --config="{CheckOptions: {async-unstructured-gather.Combinators: '::jobs::gather_all', async-unstructured-gather.CheckCppcoro: false}}" --check-suffix=LISTED %s async-unstructured-gather %t -- -isystem %inputs -I %corio_include

// StrictMode reports every non-cancelling combinator, results read or not;
// Combinators lists a project's own; CheckCppcoro: false drops cppcoro's.
// In a corio::task coroutine the note names corio::with_task_group.

#include <corio/corio.hpp>
#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>

#include <tuple>

cppcoro::task<int> fetch(int key);
corio::task<int> compute(int key);

namespace jobs {
// A project's own gather of corio tasks: waits for all, cancels none.
template <class... T> corio::task<std::tuple<T...>> gather_all(corio::task<T>... tasks);
} // namespace jobs

cppcoro::task<int> reads(int n) {
  auto [a, b] = co_await cppcoro::when_all(fetch(1), fetch(2));
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:26: warning: 'cppcoro::when_all' does not cancel the other tasks when one fails [async-unstructured-gather]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:26: note: it waits for every task and cancels none when one fails; it rethrows the first failure and drops the others
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:26: note: keep the results and inspect each of them
  auto later = cppcoro::when_all_ready(fetch(3));
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:16: warning: 'cppcoro::when_all_ready' does not cancel the other tasks when one fails
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:16: note: it waits
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:16: note: keep the results
  co_await cppcoro::when_all_ready(fetch(4));
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:12: warning: the results of 'cppcoro::when_all_ready' are discarded, and with them the failures of its tasks
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:12: note: it waits
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:12: note: keep the results
  auto kept = co_await std::move(later);
  (void)kept;
  co_return a + b;
}

corio::task<int> listed() {
  co_await jobs::gather_all(compute(1), compute(2));
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:12: warning: the results of 'jobs::gather_all' are discarded, and with them the failures of its tasks
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:12: note: it waits for every task and cancels none when one fails; each failure stays in its task's result
  // CHECK-MESSAGES-LISTED: :[[@LINE-3]]:12: note: spawn the tasks in 'corio::with_task_group' instead: it cancels the others when one fails and reports every failure in a 'corio::exception_group'
  auto [x, y] = co_await jobs::gather_all(compute(3), compute(4));
  co_return x + y;
}

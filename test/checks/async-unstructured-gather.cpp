// RUN: %check_async %s async-unstructured-gather %t -- -isystem %inputs

// cppcoro and libcoro: combinators that wait for every task and cancel none.
// Their results hold the failures; dropping the results drops the failures.

#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>
#include <coro/when_all.hpp>

#include <utility>
#include <vector>

cppcoro::task<int> fetch(int key);
coro::task<int> load(int key);
void use(int);

cppcoro::task<void> drops_results() {
  co_await cppcoro::when_all_ready(fetch(1), fetch(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'cppcoro::when_all_ready' are discarded, and with them the failures of its tasks [async-unstructured-gather]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits for every task and cancels none when one fails; each failure stays in its task's result
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the results and inspect each of them
  co_await cppcoro::when_all(fetch(3), fetch(4));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'cppcoro::when_all' are discarded; it reports only the first failure of its tasks
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits for every task and cancels none when one fails; it rethrows the first failure and drops the others
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the results and inspect each of them
  (void)co_await cppcoro::when_all_ready(fetch(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the results of 'cppcoro::when_all_ready' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: keep the results
  auto unread = co_await cppcoro::when_all_ready(fetch(6), fetch(7));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the results of 'cppcoro::when_all_ready' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:26: note: keep the results
  auto [a, b] = co_await cppcoro::when_all_ready(fetch(8), fetch(9));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the results of 'cppcoro::when_all_ready' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:26: note: keep the results
}

coro::task<void> libcoro_drops_results(std::vector<coro::task<int>> tasks) {
  co_await coro::when_all(load(1), load(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'coro::when_all' are discarded, and with them the failures of its tasks
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits for every task
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the results and inspect each of them
  co_await coro::when_all(std::move(tasks));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'coro::when_all' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the results
}

// In a template, reported once at its location, for the instantiations.
template <class Task> cppcoro::task<void> generic(Task t) {
  co_await cppcoro::when_all_ready(std::move(t));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'cppcoro::when_all_ready' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the results
}
template cppcoro::task<void> generic(cppcoro::task<int>);
template cppcoro::task<void> generic(cppcoro::task<long>);

// In a macro argument: the user's code, reported.
#define AWAIT(x) co_await x
cppcoro::task<void> in_macro() {
  AWAIT(cppcoro::when_all_ready(fetch(10)));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the results of 'cppcoro::when_all_ready' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:9: note: keep the results
}

// Negatives: results that are read, kept, returned or passed on.
cppcoro::task<int> reads_results() {
  auto [x, y] = co_await cppcoro::when_all(fetch(1), fetch(2));
  auto tasks = co_await cppcoro::when_all_ready(fetch(3), fetch(4));
  use(std::get<0>(tasks).result());
  use(std::get<0>(co_await cppcoro::when_all(fetch(5))));
  auto libcoro = co_await coro::when_all(load(1));
  use(std::get<0>(libcoro).return_value());
  co_return x + y;
}
// Not awaited here (the awaitable is kept or handed on), or not a combinator.
cppcoro::task<void> not_awaited() {
  auto later = cppcoro::when_all_ready(fetch(1));
  auto kept = co_await std::move(later);
  (void)kept;
  co_await fetch(2);
}
namespace mine {
template <class... T> cppcoro::task<int> when_all_ready(T &&...);
}
cppcoro::task<void> lookalike() { co_await mine::when_all_ready(fetch(1)); }

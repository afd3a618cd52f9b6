// RUN: %check_async --check-suffix=REPLACED --config="{CheckOptions: {async-unstructured-gather.StrictMode: true, async-unstructured-gather.Combinators: 'cppcoro::when_all;::jobs::gather_all'}}" %s async-unstructured-gather %t -- -isystem %inputs
// RUN: %check_async --check-suffix=DEFAULT --config="{CheckOptions: {async-unstructured-gather.StrictMode: true}}" %s async-unstructured-gather %t -- -isystem %inputs
// RUN: %corio_tidy --checks='-*,async-unstructured-gather' --config="{CheckOptions: {async-unstructured-gather.CheckFolly: false, async-unstructured-gather.Combinators: '::folly::coro::collectAllTry;cppcoro::when_all;::jobs::gather_all'}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP %s
// RUN: %corio_tidy --checks='-*,async-unstructured-gather' --config="{CheckOptions: {async-unstructured-gather.CheckFolly: false}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP-DEFAULT %s

// Combinators' default is the catalogue's non-cancelling combinators of the
// selected frameworks (Asio's parallel group, found by its async_wait, has
// no name to list): a value replaces it. A catalogue entry kept is reported
// as before, one left out is not, and a name the catalogue lacks is the
// user's own. StrictMode reports every use, results read or not.

// A name only a deselected framework (folly, CheckFolly off) has is dropped
// from the effective list; the default lists the selected frameworks' names.
// DUMP: async-unstructured-gather.Combinators: 'cppcoro::when_all;::jobs::gather_all'
// DUMP-DEFAULT: async-unstructured-gather.Combinators: '::cppcoro::when_all;::cppcoro::when_all_ready;{{.*}}'
// DUMP-DEFAULT-NOT: folly

#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>

#include <tuple>

cppcoro::task<int> fetch(int key);

namespace jobs {
template <class... T> cppcoro::task<std::tuple<T...>> gather_all(cppcoro::task<T>... tasks);
} // namespace jobs

cppcoro::task<int> gathers() {
  auto [a, b] = co_await cppcoro::when_all(fetch(1), fetch(2));
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:26: warning: 'cppcoro::when_all' does not cancel the other tasks when one fails
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:26: warning: 'cppcoro::when_all' does not cancel the other tasks when one fails
  auto ready = co_await cppcoro::when_all_ready(fetch(3));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:25: warning: 'cppcoro::when_all_ready' does not cancel the other tasks when one fails
  auto [c, d] = co_await jobs::gather_all(fetch(4), fetch(5));
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:26: warning: 'jobs::gather_all' does not cancel the other tasks when one fails
  (void)ready;
  co_return a + b + c + d;
}

// RUN: %check_async %s async-unstructured-gather %t -- -isystem %inputs

// folly, async_simple and Boost.Cobalt: the combinators that return a Try or
// a result per task, and async_simple's collectAny, which leaves the losers
// running. The ones that cancel the rest (folly collectAll, cobalt join)
// stay silent.

#include <async_simple/coro/Collect.h>
#include <boost/cobalt.hpp>
#include <folly/coro/Collect.h>

#include <utility>
#include <vector>

folly::coro::Task<int> fetch(int key);
async_simple::coro::Lazy<int> load(int key);
boost::cobalt::task<int> read(int key);
void use(int);

folly::coro::Task<void> folly_drops(std::vector<folly::coro::Task<int>> tasks) {
  co_await folly::coro::collectAllTry(fetch(1), fetch(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'folly::coro::collectAllTry' are discarded, and with them the failures of its tasks [async-unstructured-gather]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits for every task and cancels none when one fails; each failure stays in its task's result
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: use 'folly::coro::collectAll' instead, which cancels the other tasks when one fails
  co_await folly::coro::collectAllTryRange(std::move(tasks));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'folly::coro::collectAllTryRange' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: use 'folly::coro::collectAllRange' instead
  co_await folly::coro::collectAllTryWindowed(std::vector<folly::coro::Task<int>>{}, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'folly::coro::collectAllTryWindowed' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: use 'folly::coro::collectAllWindowed' instead
  // Cancels the rest and rethrows the first failure: structured enough.
  co_await folly::coro::collectAll(fetch(3), fetch(4));
  co_await folly::coro::collectAllRange(std::vector<folly::coro::Task<int>>{});
}

async_simple::coro::Lazy<void> async_simple_drops(std::vector<async_simple::coro::Lazy<int>> lazies) {
  co_await async_simple::coro::collectAll(load(1), load(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'async_simple::coro::collectAll' are discarded, and with them the failures of its tasks
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits for every task
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the results and inspect each of them
  co_await async_simple::coro::collectAllPara(std::move(lazies));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'async_simple::coro::collectAllPara' are discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the results
  co_await async_simple::coro::collectAny(load(3), load(4));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the result of 'async_simple::coro::collectAny' is discarded, and with it the failure of the task that finished first
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it returns when the first task finishes; the others keep running, detached, and their failures are dropped
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: keep the results
  // Read: left alone outside StrictMode.
  auto tries = co_await async_simple::coro::collectAll(load(5));
  use(std::get<0>(tries).value());
}

boost::cobalt::task<void> cobalt_drops() {
  co_await boost::cobalt::gather(read(1), read(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the results of 'boost::cobalt::gather' are discarded, and with them the failures of its tasks
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: it waits for every task
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: use 'boost::cobalt::join' instead, which cancels the other tasks when one fails
  co_await boost::cobalt::join(read(3), read(4));
  auto results = co_await boost::cobalt::gather(read(5));
  use(std::get<0>(results).value());
}

// RUN: %check_async --fix-notes %s async-dangling-capture %t -- -isystem %inputs

// The same hazard on the frameworks' own spawning and starting calls: the
// note names the framework's way to keep the lambda alive where it has one.

#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SyncAwait.h>
#include <boost/asio.hpp>
#include <boost/cobalt.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Task.h>

#include <utility>

namespace net = boost::asio;

void asio_detached(net::io_context &io, int n) {
  net::co_spawn(io, [n]() -> net::awaitable<int> { co_return n; }(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is started detached [async-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:83: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: pass the lambda itself: 'boost::asio::co_spawn' keeps it alive until its coroutine finishes
  // CHECK-FIXES: {{^}}  net::co_spawn(io, [n]() -> net::awaitable<int> { co_return n; }, net::detached);
  auto f = net::co_spawn(io.get_executor(), [&n]() -> net::awaitable<int> { co_return n; }(),
                         net::use_future);
  // CHECK-MESSAGES: :[[@LINE-2]]:45: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is started with its future kept for later [async-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:41: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-4]]:45: note: pass the lambda itself
  // CHECK-FIXES: {{^}}  auto f = net::co_spawn(io.get_executor(), [&n]() -> net::awaitable<int> { co_return n; },
}

net::awaitable<int> asio_awaited(int n) {
  // co_spawn awaited at once, and a future waited for in the same
  // full-expression: the closure outlives the coroutine.
  auto ex = co_await net::this_coro::executor;
  int a = co_await net::co_spawn(ex, [&]() -> net::awaitable<int> { co_return n; }(), net::use_awaitable);
  net::co_spawn(ex, [&]() -> net::awaitable<int> { co_return n; }(), net::use_future).get();
  net::co_spawn(ex, [n]() -> net::awaitable<int> { co_return n; }, net::detached);
  co_return a;
}

void folly_started(folly::Executor *ex, int n) {
  [&]() -> folly::coro::Task<int> { co_return n; }().scheduleOn(ex).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is started detached [async-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:75: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: pass the lambda to 'folly::coro::co_invoke', which keeps it alive until the task finishes
  int v = folly::coro::blockingWait([&]() -> folly::coro::Task<int> { co_return n; }());
  folly::coro::co_invoke([&]() -> folly::coro::Task<int> { co_return n; }).scheduleOn(ex).start();
  (void)v;
}

void async_simple_detached(int n) {
  [n]() -> async_simple::coro::Lazy<int> { co_return n; }().detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the captures of this lambda coroutine dangle: the closure dies before the task, which is started detached [async-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:68: note: the closure is destroyed here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the lambda in a variable
  int v = async_simple::coro::syncAwait([n]() -> async_simple::coro::Lazy<int> { co_return n; }());
  (void)v;
}

int cppcoro_waited(int n) {
  return cppcoro::sync_wait([&]() -> cppcoro::task<int> { co_return n; }());
}

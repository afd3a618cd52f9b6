// RUN: %check_async %s async-dangling-reference %t -- -isystem %inputs

// Coroutine types of other frameworks (and a user's own promise_type), and
// their spawning calls: detached starts outlive every local of the caller.

#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SyncAwait.h>
#include <boost/asio.hpp>
#include <boost/cobalt.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Task.h>

#include <string>
#include <utility>

namespace net = boost::asio;

net::awaitable<void> write_line(net::ip::tcp::socket &socket, const std::string &line);
folly::coro::Task<int> parse(const std::string &text);
async_simple::coro::Lazy<int> lookup(const std::string &key);
cppcoro::task<int> measure(const std::string &text);
boost::cobalt::promise<int> eager(const std::string &text);

// A user's own task type: anything with a promise_type.
struct job {
  struct promise_type {
    job get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
job background(const std::string &path);

void asio_detached(net::io_context &io, net::ip::tcp::socket &socket) {
  std::string greeting = "hello";
  net::co_spawn(io, write_line(socket, greeting), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: local variable 'greeting' bound to reference parameter 'line' of coroutine 'write_line' is destroyed before the coroutine finishes [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE+13]]:1: note: 'greeting' is destroyed here, but the task runs on detached
  // CHECK-MESSAGES: :20:82: note: take the parameter by value
  net::co_spawn(io, write_line(socket, std::string("bye")), [](std::exception_ptr) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: a temporary bound to reference parameter 'line' of coroutine 'write_line'
  // CHECK-MESSAGES: :[[@LINE-2]]:86: note: the temporary is destroyed here, but the task is started detached
  // CHECK-MESSAGES: :20:82: note: take the parameter by value
  // The socket is the caller's caller's: left alone. A future kept for
  // later: the caller may still wait in this scope.
  net::co_spawn(io, write_line(socket, "x"), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: a temporary bound to reference parameter 'line'
  // CHECK-MESSAGES: :[[@LINE-2]]:59: note: the temporary is destroyed here, but the task is started detached
  // CHECK-MESSAGES: :20:82: note: take the parameter by value
  auto kept = net::co_spawn(io, write_line(socket, greeting), net::use_future);
}

// Every Asio example's main(): the loop runs in the locals' scope, after the
// spawn, so the detached task finishes (or is abandoned) before they die.
int main_like(net::io_context &io, net::ip::tcp::socket &socket) {
  std::string greeting = "hello";
  net::co_spawn(io, write_line(socket, greeting), net::detached);
  io.run();
  return 0;
}
using net::io_context;
int main_with_using(net::ip::tcp::socket &socket) {
  io_context ctx;
  std::string greeting = "hello";
  net::co_spawn(ctx, write_line(socket, greeting), net::detached);
  ctx.run();
  return 0;
}

net::awaitable<void> asio_awaited(net::ip::tcp::socket &socket) {
  auto ex = co_await net::this_coro::executor;
  co_await net::co_spawn(ex, write_line(socket, std::string("awaited")), net::use_awaitable);
  net::co_spawn(ex, write_line(socket, std::string("waited")), net::use_future).get();
  co_await write_line(socket, std::string("direct"));
}

void folly_started(folly::Executor *ex) {
  std::string text = "1";
  parse(text).scheduleOn(ex).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: local variable 'text' bound to reference parameter 'text' of coroutine 'parse'
  // CHECK-MESSAGES: :[[@LINE+7]]:1: note: 'text' is destroyed here, but the task runs on detached
  // CHECK-MESSAGES: :21:49: note: take the parameter by value
  auto future = parse(std::string("2")).scheduleOn(ex).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a temporary bound to reference parameter 'text' of coroutine 'parse'
  // CHECK-MESSAGES: :[[@LINE-2]]:62: note: the temporary is destroyed here, but the task is started with its future kept for later
  // CHECK-MESSAGES: :21:49: note: take the parameter by value
  int v = folly::coro::blockingWait(parse(std::string("3")));
}

void async_simple_detached() {
  std::string key = "k";
  lookup(key).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: local variable 'key' bound to reference parameter 'key' of coroutine 'lookup'
  // CHECK-MESSAGES: :[[@LINE+4]]:1: note: 'key' is destroyed here, but the task runs on detached
  // CHECK-MESSAGES: :22:57: note: take the parameter by value
  int v = async_simple::coro::syncAwait(lookup(std::string("k2")));
  (void)v;
}

int cppcoro_and_user_types() {
  auto stored = measure(std::string("m"));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: a temporary bound to reference parameter 'text' of coroutine 'measure'
  // CHECK-MESSAGES: :[[@LINE-2]]:41: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :23:47: note: take the parameter by value
  auto promised = eager(std::string("e"));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: a temporary bound to reference parameter 'text' of coroutine 'eager'
  // CHECK-MESSAGES: :[[@LINE-2]]:41: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :24:54: note: take the parameter by value
  auto j = background(std::string("/tmp/x"));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a temporary bound to reference parameter 'path' of coroutine 'background'
  // CHECK-MESSAGES: :[[@LINE-2]]:44: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :36:35: note: take the parameter by value
  return cppcoro::sync_wait(measure(std::string("waited")));
}

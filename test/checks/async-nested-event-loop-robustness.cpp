// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs

// Templates, generic lambdas, macros and code that does not compile: no
// crash, one diagnostic per source location.

#include <boost/asio.hpp>

namespace net = boost::asio;

// A compile error next to a finding does not hide it.
net::awaitable<void> broken(net::io_context &io) {
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine
  undefined_call(io);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'undefined_call' [clang-diagnostic-error]
  co_return;
}

void helper_with_error(net::io_context &io) {
  io.poll();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside 'helper_with_error', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: coroutine 'calls_broken' calls 'helper_with_error' here
  int x = "not an int";
  // CHECK-MESSAGES: :[[@LINE-1]]:7: error: cannot initialize a variable of type 'int'
}
net::awaitable<void> calls_broken(net::io_context &io) {
  helper_with_error(io);
  co_return;
}

// A call that is not a function call yet (unresolved, dependent) is skipped.
net::awaitable<void> unresolved(net::io_context &io) {
  io.run(unknown_argument);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: use of undeclared identifier 'unknown_argument' [clang-diagnostic-error]
  co_return;
}

// Inside a macro: reported at the expansion, no fix offered.
#define RUN_LOOP(ctx) (ctx).run()
net::awaitable<void> through_macro(net::io_context &io) {
  RUN_LOOP(io);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: expanded from macro 'RUN_LOOP'
  co_return;
}

// A generic coroutine lambda instantiated twice: one warning.
auto generic = [](auto &ctx) -> net::awaitable<void> {
  ctx.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine
  co_return;
};
struct other_context : net::io_context {};
net::awaitable<void> uses_generic(net::io_context &a, other_context &b) {
  co_await generic(a);
  co_await generic(b);
}

// Members of a class template, instantiated twice: one warning each.
template <class Ctx> struct Runner {
  net::awaitable<void> go(Ctx &ctx) {
    ctx.run();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine
    co_return;
  }
  void spin(net::io_context &io) { io.poll(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'boost::asio::io_context::poll' runs an event loop inside 'Runner::spin', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+1]]:51: note: coroutine 'Runner::go2' calls 'Runner::spin' here
  net::awaitable<void> go2(net::io_context &io) { spin(io); co_return; }
};
net::awaitable<void> uses_runner(net::io_context &a, other_context &b) {
  Runner<net::io_context> first;
  co_await first.go(a);
  co_await first.go2(a);
  Runner<other_context> second;
  co_await second.go(b);
  co_await second.go2(a);
}

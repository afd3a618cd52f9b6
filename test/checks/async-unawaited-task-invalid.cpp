// RUN: %check_async %s async-detached-task,async-unawaited-task %t -- -isystem %inputs

// Both checks on code with compile errors, dependent code and generic
// lambdas: no crash, no diagnostic on what Sema could not resolve, and no
// fix applied (clang-tidy leaves files with errors alone).

#include <boost/asio.hpp>

namespace net = boost::asio;
net::awaitable<void> session();

net::awaitable<void> broken(net::io_context &ctx) {
  undeclared_function();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'undeclared_function' [clang-diagnostic-error]
  session();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'session' is dropped without being awaited
  net::co_spawn(missing_ctx, session(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: error: use of undeclared identifier 'missing_ctx' [clang-diagnostic-error]
  auto bad = session(42);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: error: no matching function for call to 'session' [clang-diagnostic-error]
  net::co_spawn(ctx, session(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token starts a coroutine that nobody joins
  co_return;
}

// Templates never instantiated, and generic lambdas never called: only
// instantiations are checked, so these stay silent.
template <class T> net::awaitable<void> never_instantiated(T t, net::io_context &ctx) {
  t.make();
  session();
  net::co_spawn(ctx, t.run(), net::detached);
  co_return;
}
auto never_called = [](auto &ctx, auto make) -> net::awaitable<void> {
  make();
  net::co_spawn(ctx, make(), net::detached);
  co_return;
};

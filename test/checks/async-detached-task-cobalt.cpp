// RUN: %check_async %s async-detached-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-detached-task.CheckCobalt: false}}" %s async-detached-task %t -- -isystem %inputs

// With CheckCobalt off, the second run expects no diagnostic at all.

#include <boost/asio.hpp>
#include <boost/cobalt.hpp>

namespace cobalt = boost::cobalt;

cobalt::task<void> serve();
cobalt::promise<int> prefetch();

void spawns(boost::asio::io_context &ctx) {
  cobalt::spawn(ctx, serve(), cobalt::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::cobalt::spawn' with the detached token starts a coroutine that nobody joins; its exception is silently dropped [async-detached-task]
  cobalt::spawn(ctx, serve(), boost::asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::cobalt::spawn' with the detached token
}

cobalt::task<void> detaches_promise() {
  cobalt::promise<int> p = prefetch();
  p.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::cobalt::promise::detach' detaches the coroutine, so nobody joins it; its exception is silently dropped
  prefetch().detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'boost::cobalt::promise::detach' detaches the coroutine
  co_return;
}

// Negatives: a completion handler, an awaited promise, and a cobalt::run.
cobalt::task<int> awaits_promise() { co_return co_await prefetch(); }
void handled(boost::asio::io_context &ctx) {
  cobalt::spawn(ctx, serve(), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  cobalt::run(serve());
}

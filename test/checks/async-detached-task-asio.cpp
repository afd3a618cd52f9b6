// RUN: %check_async %s async-detached-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-detached-task.CheckAsio: false}}" %s async-detached-task %t -- -isystem %inputs

// With CheckAsio off, the second run expects no diagnostic at all (there are
// no CHECK-MESSAGES-<suffix> lines for it).

#include <asio.hpp>
#include <boost/asio.hpp>

#include <future>
#include <vector>

namespace net = boost::asio;

net::awaitable<void> session(int id);
asio::awaitable<int> compute();

void spawns_sessions(net::io_context &ctx) {
  net::co_spawn(ctx, session(1), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token starts a coroutine that nobody joins; its exception is silently dropped [async-detached-task]
  boost::asio::co_spawn(ctx.get_executor(), session(2), boost::asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
}

void standalone_asio(asio::io_context &ctx) {
  asio::co_spawn(ctx, compute(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with the detached token starts a coroutine that nobody joins
  using namespace asio;
  co_spawn(ctx, compute(), detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with the detached token
}

// The token as an object of detached_t, however it is spelled.
void detached_token_objects(net::io_context &ctx) {
  net::co_spawn(ctx, session(3), net::detached_t{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  constexpr auto fire_and_forget = net::detached;
  net::co_spawn(ctx, session(4), fire_and_forget);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  const net::detached_t &token = net::detached;
  net::co_spawn(ctx, session(5), token);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
}

// In a coroutine too: the spawned child still outlives the parent.
net::awaitable<void> ticker(net::steady_timer &timer) {
  for (;;) {
    co_await timer.async_wait(net::use_awaitable);
    net::co_spawn(timer.get_executor(), session(6), net::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::asio::co_spawn' with the detached token
  }
}

// A coroutine lambda spawned detached, and a detached spawn inside a lambda.
void lambdas(net::io_context &ctx) {
  net::co_spawn(ctx, []() -> net::awaitable<void> { co_return; }(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  auto later = [&ctx] { net::co_spawn(ctx, session(7), net::detached); };
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'boost::asio::co_spawn' with the detached token
  later();
}

// Templates are reported once per location, however often instantiated.
template <class Executor> void spawn_on(const Executor &ex) {
  net::co_spawn(ex, session(8), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
}
struct strand_executor : net::any_io_executor {};
void instantiate_twice(net::io_context &ctx) {
  spawn_on(ctx.get_executor());
  spawn_on(strand_executor{});
}

// A dependent token: only instantiations with detached_t are flagged.
template <class Token> void spawn_with(net::io_context &ctx, Token &&token) {
  net::co_spawn(ctx, session(9), static_cast<Token &&>(token));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
}
void instantiate_with_tokens(net::io_context &ctx) {
  spawn_with(ctx, net::detached);
  std::future<void> f = net::co_spawn(ctx, session(10), net::use_future);
  spawn_with(ctx, net::use_future);
}

// A macro that hides the spawn is reported at its use.
#define SPAWN_DETACHED(ctx, a) net::co_spawn(ctx, a, net::detached)
void through_macro(net::io_context &ctx) {
  SPAWN_DETACHED(ctx, session(11));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
}

// Negatives: every token that keeps the outcome.
net::awaitable<void> joins_children(net::io_context &ctx) {
  co_await net::co_spawn(ctx, session(20), net::use_awaitable);
  int value = co_await asio::co_spawn(ctx.get_executor(), compute(), asio::use_awaitable);
  (void)value;
}
void keeps_futures(net::io_context &ctx) {
  std::future<void> done = net::co_spawn(ctx, session(21), net::use_future);
  done.get();
}
void completion_handlers(net::io_context &ctx, std::vector<std::exception_ptr> &errors) {
  net::co_spawn(ctx, session(22), [&errors](std::exception_ptr e) {
    if (e)
      errors.push_back(e);
  });
  net::co_spawn(ctx, session(23), net::as_tuple(net::use_awaitable));
}

// Negative: a co_spawn of the user's own, and a type merely named detached_t.
namespace mine {
struct detached_t {};
void co_spawn(net::io_context &, net::awaitable<void>, detached_t);
} // namespace mine
void not_asio(net::io_context &ctx) { mine::co_spawn(ctx, session(24), mine::detached_t{}); }

// Negative: an unevaluated call never spawns anything.
using spawn_result = decltype(net::co_spawn(std::declval<net::io_context &>(), session(25), net::detached));
static_assert(sizeof(net::co_spawn(std::declval<net::io_context &>(), session(26), net::detached), 0) == sizeof(int));

// RUN: %check_async --fix-notes %s async-detached-task %t -- -isystem %inputs -I %corio_include

// In a corio::task coroutine, a note points at corio::task_group; with a
// group in scope and a corio::task being spawned, the note carries the fix.

#include <boost/asio.hpp>
#include <corio/corio.hpp>

#include <concepts>
#include <exception>
#include <thread>
#include <type_traits>

namespace net = boost::asio;

// A bridge some code bases add so that co_spawn accepts their own tasks.
namespace boost::asio {
template <class T> void co_spawn(io_context &ctx, corio::task<T> task, detached_t token);
} // namespace boost::asio

corio::task<int> fetch(int key);
net::awaitable<void> session();
void work();

// As corio/asio.hpp declares it (that header needs the real Asio).
namespace corio {
namespace detail {
template <class F> struct awaitable_value;
template <class T, class Executor> struct awaitable_value<net::awaitable<T, Executor>> {
  using type = T;
};
template <class F>
using awaitable_value_t = typename awaitable_value<std::remove_cvref_t<std::invoke_result_t<F &>>>::type;
} // namespace detail
// Defined, so that the fixed file compiles with a lambda's type in it.
template <class T> T unreachable() { std::terminate(); }
template <class Executor, class T, class AwaitableExecutor>
task<T> from_asio(Executor ex, net::awaitable<T, AwaitableExecutor> aw) {
  co_return unreachable<T>();
}
template <class Executor, class F>
  requires std::invocable<F &> && requires { typename detail::awaitable_value_t<F>; }
task<detail::awaitable_value_t<F>> from_asio(Executor ex, F f) {
  co_return unreachable<detail::awaitable_value_t<F>>();
}
} // namespace corio

corio::task<void> spawns_with_group_parameter(net::io_context &ctx, corio::task_group &tg) {
  net::co_spawn(ctx, fetch(1), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token starts a coroutine that nobody joins; its exception is silently dropped [async-detached-task]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: spawn it on the 'corio::task_group' 'tg' instead: the group joins it, rethrows its exception and cancels it with the enclosing task
  // CHECK-FIXES: {{^}}  tg.spawn(fetch(1));
  co_return;
}

corio::task<void> spawns_in_with_task_group(net::io_context &ctx) {
  co_await corio::with_task_group([&ctx](corio::task_group &group) -> corio::task<void> {
    net::co_spawn(ctx, fetch(2), net::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::asio::co_spawn' with the detached token
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: spawn it on the 'corio::task_group' 'group' instead
    // CHECK-FIXES: {{^}}    group.spawn(fetch(2));
    co_return;
  });
}

// A local reference declared before the call is in scope too.
corio::task<void> local_group_reference(net::io_context &ctx, corio::task_group &outer) {
  corio::task_group &inner = outer;
  net::co_spawn(ctx, fetch(3), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: spawn it on the 'corio::task_group' 'inner' instead
  // CHECK-FIXES: {{^}}  inner.spawn(fetch(3));
  co_return;
}

// Asio coroutine code is adopted with corio::from_asio, which takes an
// executor: an execution context passed to co_spawn gives its own.
corio::task<void> adopts_awaitables(net::io_context &ctx, net::any_io_executor ex,
                                    corio::task_group &tg) {
  net::co_spawn(ctx, session(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: adopt it with 'corio::from_asio' and spawn it on the 'corio::task_group' 'tg' instead: the group joins it, rethrows its exception and cancels it with the enclosing task
  // CHECK-FIXES: {{^}}  tg.spawn(corio::from_asio(ctx.get_executor(), session()));
  net::co_spawn(ex, session(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: adopt it with 'corio::from_asio' and spawn it on the 'corio::task_group' 'tg' instead
  // CHECK-FIXES: {{^}}  tg.spawn(corio::from_asio(ex, session()));
  net::io_context *owner = &ctx;
  net::co_spawn(*owner, []() -> net::awaitable<void> { co_return; }, net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: adopt it with 'corio::from_asio' and spawn it on the 'corio::task_group' 'tg' instead
  // CHECK-FIXES: {{^}}  tg.spawn(corio::from_asio((*owner).get_executor(), []() -> net::awaitable<void> { co_return; }));
  co_return;
}

// No group in scope, or the spawned work is neither a corio::task nor an
// awaitable, or thread::detach: the note names task_group, without a fix.
corio::task<void> note_only(net::io_context &ctx, corio::task_group &tg) {
  std::thread(work).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::thread::detach' leaves the thread running
  // CHECK-MESSAGES: :[[@LINE-2]]:21: note: spawn it on a 'corio::task_group' instead
  co_return;
}
corio::task<void> no_group(net::io_context &ctx) {
  net::co_spawn(ctx, fetch(4), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: spawn it on a 'corio::task_group' instead
  co_return;
}

// A group declared after the call is not in scope yet; inside a macro, no fix.
#define SPAWN(ctx, t) net::co_spawn(ctx, t, net::detached)
corio::task<void> late_group_and_macro(net::io_context &ctx, corio::task_group &outer) {
  {
    SPAWN(ctx, fetch(5));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::asio::co_spawn' with the detached token
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: spawn it on a 'corio::task_group' instead
  }
  corio::task_group &late = outer;
  (void)late;
  co_return;
}

// Outside a corio coroutine: no note.
void plain(net::io_context &ctx) {
  net::co_spawn(ctx, fetch(6), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
}

// Negative: spawning on the group is what the check asks for.
corio::task<void> structured(corio::task_group &tg) {
  tg.spawn(fetch(7));
  auto handle = tg.spawn(fetch(8));
  co_await handle;
}

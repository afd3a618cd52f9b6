// RUN: %check_async %s async-suspend-in-scope %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OPTIONS --config="{CheckOptions: {async-suspend-in-scope.ScopeTypes: '::app::deadline_guard', async-suspend-in-scope.ThreadAffineTypes: 'app::.*_affine'}}" %s async-suspend-in-scope %t -- -isystem %inputs

// Timeout and cancel scopes alive at a co_yield, and thread-affine objects
// alive at any suspension. The second run replaces both type lists; the
// [[clang::annotate("corio::scope")]] marker works under either.

#include <asio.hpp>
#include <boost/asio.hpp>
#include <chrono>
#include <cppcoro/cppcoro.hpp>
#include <folly/coro/AsyncGenerator.h>
#include <pybind11/gil.h>
#include <seastar/abort_on_expiry.hh>

namespace net = boost::asio;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

net::awaitable<int> fetch();
int compute();
void work();

namespace app {
// User types that the options name.
class deadline_guard {
public:
  explicit deadline_guard(steady::duration);
  ~deadline_guard();
};
class loop_affine {
public:
  loop_affine();
  ~loop_affine();
};
} // namespace app

// A user scope type, marked in source.
class [[clang::annotate("corio::scope")]] cancel_scope {
public:
  cancel_scope();
  ~cancel_scope();
  void cancel();
};

// --- Scopes at co_yield: the deadline keeps running in the consumer. ---

net::experimental::coro<int> numbers_with_deadline(net::any_io_executor) {
  seastar::abort_on_expiry<> deadline(steady::now() + 1s);
  for (int i = 0; i < 3; ++i)
    co_yield i;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_yield' suspends the generator while scope 'deadline' of type 'seastar::abort_on_expiry<>' is active; its deadline or cancellation reaches the consumer [async-suspend-in-scope]
  // CHECK-MESSAGES: :[[@LINE-4]]:30: note: 'deadline' is active from here to the end of its block; for a timeout use corio::with_timeout, which runs the timed work as a task that cannot yield to the consumer
  // CHECK-MESSAGES: :[[@LINE-6]]:30: note: each 'co_yield' in 'numbers_with_deadline' hands control to its consumer until the generator is resumed
}

::asio::experimental::coro<int> standalone_asio_generator(::asio::any_io_executor) {
  cancel_scope scope;
  co_yield compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_yield' suspends the generator while scope 'scope' of type 'cancel_scope' is active
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: 'scope' is active from here
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-3]]:3: warning: 'co_yield' suspends the generator while scope 'scope' of type 'cancel_scope' is active
}

cppcoro::async_generator<int> cppcoro_generator() {
  app::deadline_guard guard(5s);
  co_yield 1;
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-1]]:3: warning: 'co_yield' suspends the generator while scope 'guard' of type 'app::deadline_guard' is active
}

auto lambda_generator = []() -> folly::coro::AsyncGenerator<int> {
  cancel_scope scope;
  co_yield 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_yield' suspends the generator while scope 'scope'
  // CHECK-MESSAGES: :[[@LINE-4]]:25: note: each 'co_yield' in this lambda hands control to its consumer until the generator is resumed
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-3]]:3: warning: 'co_yield' suspends the generator while scope 'scope'
};

// --- Scopes that end, or only span co_await: silent. ---

// The scope is there to bound the awaits; no co_yield happens inside it.
net::experimental::coro<int> deadline_around_awaits(net::any_io_executor) {
  int v = 0;
  {
    seastar::abort_on_expiry<> deadline(steady::now() + 1s);
    v = co_await fetch();
  }
  co_yield v;
}

net::awaitable<void> scope_in_ordinary_coroutine() {
  cancel_scope scope;
  co_await fetch();
}

folly::coro::AsyncGenerator<int> yields_after_scope() {
  for (int i = 0; i < 3; ++i) {
    int v;
    {
      cancel_scope scope;
      v = compute();
    }
    co_yield v;
  }
}

// --- Thread-affine objects at any suspension. ---

net::awaitable<void> holds_gil_across_await() {
  pybind11::gil_scoped_acquire gil;
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while thread-affine 'gil' of type 'pybind11::gil_scoped_acquire' is alive; it may be destroyed on another thread [async-suspend-in-scope]
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: 'gil' lives from here to the end of its block; destroy it before suspending
}

cppcoro::async_generator<int> releases_gil_and_yields() {
  pybind11::gil_scoped_release nogil;
  co_yield compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_yield' suspends the coroutine while thread-affine 'nogil' of type 'pybind11::gil_scoped_release' is alive
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: 'nogil' lives from here
  // CHECK-MESSAGES: :[[@LINE-5]]:31: note: each 'co_yield' in 'releases_gil_and_yields' hands control
}

net::awaitable<void> affine_user_type() {
  app::loop_affine handle;
  co_await fetch();
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while thread-affine 'handle' of type 'app::loop_affine' is alive
}

net::awaitable<void> gil_released_before_await() {
  {
    pybind11::gil_scoped_acquire gil;
    work();
  }
  co_await fetch();
}

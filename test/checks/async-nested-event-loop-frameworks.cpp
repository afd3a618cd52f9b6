// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs

// Blocking waits that run an event loop of their own: cppcoro, folly (coro
// and EventBase), libcoro, async_simple, stdexec, unifex, Boost.Cobalt.
// Inside a coroutine of the same framework, waiting on one of its tasks
// becomes `co_await task`.

#include <async_simple/coro/Lazy.h>
#include <boost/cobalt.hpp>
#include <coro/coro.hpp>
#include <cppcoro/cppcoro.hpp>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Task.h>
#include <folly/io/async/EventBase.h>
#include <stdexec/execution.hpp>
#include <unifex/sync_wait.hpp>

#include <utility>

struct Point {
  int x, y;
};

cppcoro::task<int> cp_value();
cppcoro::task<int> cp_other();
cppcoro::task<Point> cp_point();
cppcoro::shared_task<int> cp_shared();

cppcoro::task<int> cppcoro_waits(bool flag) {
  int a = cppcoro::sync_wait(cp_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs an event loop inside a coroutine; the event loop running the coroutine is blocked until it returns [async-nested-event-loop]
  // CHECK-FIXES: int a = co_await cp_value();
  cppcoro::task<int> later = cp_value();
  int b = cppcoro::sync_wait(later) + cppcoro::sync_wait(cp_shared());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-MESSAGES: :[[@LINE-2]]:39: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int b = co_await later + co_await cp_shared();
  int c = cppcoro::sync_wait(flag ? cp_value() : cp_other());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int c = co_await (flag ? cp_value() : cp_other());
  int d = cppcoro::sync_wait(cp_point()).x;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int d = (co_await cp_point()).x;
  co_return a + b + c + d;
}

// Parentheses only where precedence asks for them: around `co_await x` as
// the operand of a postfix operator, around x when it is no cast-expression
// (a unary operator is one). None in an argument nor in an index.
struct Scores {
  int operator[](int i) const { return i; }
  int operator()(int i) const { return i; }
  Scores operator++(int) { return *this; }
};
cppcoro::task<Scores> cp_scores();
cppcoro::task<int *> cp_pointer();
int use(int v) { return v; }

cppcoro::task<int> cppcoro_parens(cppcoro::task<int> *pending, Scores scores, int *values) {
  int a = cppcoro::sync_wait(cp_scores())[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int a = (co_await cp_scores())[1];
  int b = cppcoro::sync_wait(cp_scores())(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int b = (co_await cp_scores())(2);
  int c = cppcoro::sync_wait(cp_pointer())[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int c = (co_await cp_pointer())[0];
  cppcoro::sync_wait(cp_scores())++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: (co_await cp_scores())++;
  int d = scores[cppcoro::sync_wait(cp_value())] + scores(cppcoro::sync_wait(cp_other()));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-MESSAGES: :[[@LINE-2]]:59: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int d = scores[co_await cp_value()] + scores(co_await cp_other());
  int e = values[cppcoro::sync_wait(cp_value())] + use(cppcoro::sync_wait(cp_other()));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-MESSAGES: :[[@LINE-2]]:56: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int e = values[co_await cp_value()] + use(co_await cp_other());
  int f = -cppcoro::sync_wait(*pending);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int f = -co_await *pending;
  co_return a + b + c + d + e + f;
}

// No fix where co_await is not allowed (a handler), or inside a macro.
#define WAIT_FOR(task) cppcoro::sync_wait(task)
cppcoro::task<int> cppcoro_no_fix() {
  int value = WAIT_FOR(cp_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'cppcoro::sync_wait' runs an event loop
  try {
    value += co_await cp_value();
  } catch (...) {
    value = cppcoro::sync_wait(cp_other());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'cppcoro::sync_wait' runs an event loop
  }
  co_return value;
}

// A template coroutine: the non-dependent wait is fixed once in the
// template; the dependent one is reported once for both instantiations,
// without a fix.
template <class T> cppcoro::task<T> make();
template <class T> cppcoro::task<T> templated() {
  int fixed = cppcoro::sync_wait(cp_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'cppcoro::sync_wait' runs an event loop
  // CHECK-FIXES: int fixed = co_await cp_value();
  T dependent = cppcoro::sync_wait(make<T>());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'cppcoro::sync_wait' runs an event loop
  co_return dependent + fixed;
}
cppcoro::task<int> instantiates() { co_return co_await templated<int>() + co_await templated<long>(); }

folly::coro::Task<int> folly_value();
folly::coro::Task<void> folly_step();

folly::coro::Task<int> folly_waits(folly::EventBase &evb, folly::Executor *ex) {
  folly::coro::Task<int> task = folly_value();
  int value = folly::coro::blockingWait(std::move(task));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'folly::coro::blockingWait' runs an event loop inside a coroutine
  // CHECK-FIXES: int value = co_await std::move(task);
  folly::coro::blockingWait(folly_step());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::coro::blockingWait' runs an event loop
  // CHECK-FIXES: co_await folly_step();
  // Bound to an executor, or a future: not a Task, no fix.
  value += folly::coro::blockingWait(folly_value().scheduleOn(ex));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'folly::coro::blockingWait' runs an event loop
  evb.loop();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::EventBase::loop' runs an event loop inside a coroutine
  evb.loopOnce();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::EventBase::loopOnce' runs an event loop inside a coroutine
  evb.loopForever();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::EventBase::loopForever' runs an event loop inside a coroutine
  evb.terminateLoopSoon();
  co_return value;
}

coro::task<int> libcoro_value();
coro::task<int> libcoro_waits() {
  co_return coro::sync_wait(libcoro_value()) * 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'coro::sync_wait' runs an event loop inside a coroutine
  // CHECK-FIXES: co_return co_await libcoro_value() * 2;
}

async_simple::coro::Lazy<int> lazy_value();
async_simple::coro::Lazy<int> async_simple_waits(async_simple::Executor *ex) {
  int a = async_simple::coro::syncAwait(lazy_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' runs an event loop inside a coroutine
  // CHECK-FIXES: int a = co_await lazy_value();
  // With an executor the wait means something else: no fix.
  int b = async_simple::coro::syncAwait(lazy_value(), ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' runs an event loop
  co_return a + b;
}

// Across frameworks there is no co_await to offer.
cppcoro::task<int> mixes_frameworks() {
  int a = folly::coro::blockingWait(folly_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'folly::coro::blockingWait' runs an event loop
  int b = async_simple::coro::syncAwait(lazy_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' runs an event loop
  co_return a + b;
}

// Sender/receiver sync_wait is a function object.
struct just_sender {};
cppcoro::task<void> sender_waits() {
  stdexec::sync_wait(just_sender{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stdexec::sync_wait' runs an event loop inside a coroutine
  auto result = unifex::sync_wait(just_sender{});
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'unifex::sync_wait' runs an event loop inside a coroutine
  co_return;
}

boost::cobalt::task<int> cobalt_value();
boost::cobalt::task<int> cobalt_waits() {
  co_return boost::cobalt::run(cobalt_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'boost::cobalt::run' runs an event loop inside a coroutine
}

// Negative: the same waits in main and in functions no coroutine calls.
int sync_entry() {
  folly::EventBase evb;
  evb.loop();
  return cppcoro::sync_wait(cp_value()) + folly::coro::blockingWait(folly_value()) +
         coro::sync_wait(libcoro_value()) + async_simple::coro::syncAwait(lazy_value());
}
int main() {
  stdexec::sync_wait(just_sender{});
  unifex::sync_wait(just_sender{});
  return boost::cobalt::run(cobalt_value()) + sync_entry();
}

// Negative: a generic lambda that is never called, and unevaluated uses.
auto generic = [](auto &&task) { return cppcoro::sync_wait(task); };
cppcoro::task<int> unevaluated() {
  using Result = decltype(cppcoro::sync_wait(cp_value()));
  co_return sizeof(folly::coro::blockingWait(folly_value())) + Result{};
}

// RUN: %check_async %s async-suspend-in-scope %t -- -isystem %inputs

// Lock guards over thread-blocking mutexes, followed through the CFG.

#include <boost/asio.hpp>
#include <boost/thread/locks.hpp>
#include <boost/thread/mutex.hpp>
#include <boost/thread/shared_mutex.hpp>
#include <mutex>
#include <shared_mutex>
#include <utility>

namespace net = boost::asio;

std::mutex m;
std::timed_mutex tm;
std::recursive_mutex rm;
std::shared_mutex sm;
net::awaitable<void> op();
net::awaitable<int> value();
void work();
bool ready();

// --- Held across the suspension: flagged. ---

net::awaitable<void> lock_guard_across_await() {
  std::lock_guard<std::mutex> guard(m);
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'guard' of type 'std::lock_guard<std::mutex>' holds a thread-blocking mutex; locking it meanwhile blocks the event loop [async-suspend-in-scope]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread and unlock it there
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: 'guard' holds the lock from here; end the critical section before suspending (close its block) or use an async mutex, whose lock is awaited
}

net::awaitable<void> every_std_guard_and_mutex() {
  std::scoped_lock both(m, rm);
  std::unique_lock timed(tm);
  std::shared_lock reader(sm);
  int v = co_await value();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'co_await' suspends the coroutine while 'both' of type 'std::scoped_lock<std::mutex, std::recursive_mutex>' holds
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'both' holds the lock from here; end the critical section before suspending (close its block) or
  // CHECK-MESSAGES: :[[@LINE-3]]:11: warning: 'co_await' suspends the coroutine while 'reader' of type 'std::shared_lock<std::shared_mutex>' holds
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'reader' holds the lock from here
  // CHECK-MESSAGES: :[[@LINE-5]]:11: warning: 'co_await' suspends the coroutine while 'timed' of type 'std::unique_lock<std::timed_mutex>' holds
  // CHECK-MESSAGES: :[[@LINE-8]]:20: note: 'timed' holds the lock from here; end the critical section before suspending (close its block or call unlock()) or
  (void)v;
}

boost::mutex bm;
boost::shared_mutex bsm;

net::awaitable<void> boost_guards() {
  boost::mutex::scoped_lock scoped(bm);
  boost::lock_guard<boost::mutex> guard(bm);
  boost::shared_lock<boost::shared_mutex> reader(bsm);
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'guard' of type 'boost::lock_guard<boost::mutex>' holds
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'co_await' suspends the coroutine while 'reader' of type 'boost::shared_lock<boost::shared_mutex>' holds
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'co_await' suspends the coroutine while 'scoped' of type 'boost::mutex::scoped_lock' (aka 'unique_lock<mutex>') holds
  // CHECK-MESSAGES: :[[@LINE-7]]:29: note: 'scoped' holds the lock from here; end the critical section before suspending (close its block or call unlock())
}

// A lock in a nested block is still held at a suspension inside that block.
net::awaitable<void> suspends_inside_nested_block() {
  {
    std::lock_guard<std::mutex> guard(m);
    work();
    co_await op();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'guard'
  }
}

// Relocking after unlock() holds it again.
net::awaitable<void> relocks_before_await() {
  std::unique_lock<std::mutex> lock(m);
  lock.unlock();
  work();
  lock.lock();
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
}

// A deferred lock taken later.
net::awaitable<void> deferred_then_locked() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  if (lock.try_lock())
    co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'lock'
}

// Assigning a newly locked unique_lock holds it again.
net::awaitable<void> reassigned_after_unlock() {
  std::unique_lock<std::mutex> lock(m);
  lock.unlock();
  lock = std::unique_lock<std::mutex>(m);
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
}

// A guard in an if-statement's init-statement lives through the whole if.
net::awaitable<void> guard_in_if_init() {
  if (std::lock_guard<std::mutex> guard(m); ready())
    co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'guard'
  // CHECK-MESSAGES: :[[@LINE-3]]:35: note: 'guard' holds the lock from here
}

// A generator yielding while a lock is held: the consumer runs holding it.
net::experimental::coro<int> yields_under_lock(net::any_io_executor) {
  std::lock_guard<std::mutex> guard(m);
  co_yield 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_yield' suspends the coroutine while 'guard' of type 'std::lock_guard<std::mutex>' holds a thread-blocking mutex
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'guard' holds the lock from here
  // CHECK-MESSAGES: :[[@LINE-5]]:30: note: each 'co_yield' in 'yields_under_lock' hands control to its consumer until the generator is resumed
}

// A lock handed to the coroutine is held from its first line, whether the
// coroutine owns it or the caller does.
net::awaitable<void> takes_lock_by_reference(std::unique_lock<std::mutex> &lock) {
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  lock.unlock();
  co_await op();
}
// A lock handed to the coroutine is held from its first line.
net::awaitable<void> takes_lock_by_value(std::unique_lock<std::mutex> lock) {
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // CHECK-MESSAGES: :[[@LINE-3]]:71: note: 'lock' holds the lock from here
}

// The mutex came from a co_await; locking it still blocks.
net::awaitable<std::mutex &> mutex_for(int);
net::awaitable<void> blocking_lock_on_awaited_mutex() {
  std::lock_guard<std::mutex> guard(co_await mutex_for(2));
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'guard'
}

// --- Path-sensitive: released on every path before the suspension. ---

net::awaitable<void> unlocks_before_await() {
  std::unique_lock<std::mutex> lock(m);
  work();
  lock.unlock();
  co_await op();
}

net::awaitable<void> releases_before_await() {
  std::unique_lock<std::mutex> lock(m);
  std::mutex *owned = lock.release();
  owned->unlock();
  co_await op();
}

void consume(std::unique_lock<std::mutex> lock);

net::awaitable<void> moves_lock_away() {
  std::unique_lock<std::mutex> lock(m);
  consume(std::move(lock));
  co_await op();
}

net::awaitable<void> closes_block_first() {
  {
    std::lock_guard<std::mutex> guard(m);
    work();
  }
  co_await op();
}

net::awaitable<void> unlocks_on_both_branches(bool c) {
  std::unique_lock<std::mutex> lock(m);
  if (c) {
    work();
    lock.unlock();
  } else {
    lock.unlock();
  }
  co_await op();
}

net::awaitable<void> returns_early_when_locked(bool c) {
  std::unique_lock<std::mutex> lock(m);
  if (c)
    co_return;
  lock.unlock();
  co_await op();
}

net::awaitable<void> deferred_never_locked() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  co_await op();
}

net::awaitable<void> locks_between_awaits() {
  for (int i = 0; i < 3; ++i) {
    co_await op();
    std::lock_guard<std::mutex> guard(m);
    work();
  }
}

net::awaitable<void> critical_section_inside_loop() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  while (ready()) {
    lock.lock();
    work();
    lock.unlock();
    co_await op();
  }
}

// The lock is taken after the await completes.
net::awaitable<void> lock_after_await() {
  int v = co_await value();
  std::lock_guard<std::mutex> guard(m);
  (void)v;
}

// The suspension is in the lock's initializer, before it is taken.
net::awaitable<void> await_in_initializer() {
  std::lock_guard<std::mutex> guard(co_await mutex_for(1));
}

// --- Path-sensitive: released on some paths only. ---

net::awaitable<void> unlocks_on_one_branch(bool c) {
  std::unique_lock<std::mutex> lock(m);
  if (c)
    lock.unlock();
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // CHECK-MESSAGES: :[[@LINE-5]]:32: note: 'lock' holds the lock from here
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'lock' is still locked on the path where this condition is false
}

net::awaitable<void> unlocks_in_else_only(int n) {
  std::unique_lock<std::mutex> lock(m);
  if (n > 0) {
    work();
  } else {
    lock.unlock();
  }
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // CHECK-MESSAGES: :[[@LINE-8]]:32: note: 'lock' holds the lock from here
  // CHECK-MESSAGES: :[[@LINE-8]]:7: note: 'lock' is still locked on the path where this condition is true
}

net::awaitable<void> moves_on_one_branch(bool c) {
  std::unique_lock<std::mutex> lock(m);
  if (c)
    consume(std::move(lock));
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'lock' is still locked on the path where this condition is false
}

net::awaitable<void> unlocks_in_some_cases(int n) {
  std::unique_lock<std::mutex> lock(m);
  switch (n) {
  case 0:
    lock.unlock();
    break;
  case 1:
    work();
    break;
  default:
    lock.unlock();
  }
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'lock' is still locked on the path through this label
}

net::awaitable<void> unlocks_when_both_hold(bool a, bool b) {
  std::unique_lock<std::mutex> lock(m);
  if (a && b)
    lock.unlock();
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'lock' is still locked on the path where this condition is false
}

net::awaitable<void> jumps_past_unlock(bool c) {
  std::unique_lock<std::mutex> lock(m);
  if (c)
    goto suspend;
  lock.unlock();
suspend:
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'lock' is still locked on the path where this condition is true
}

net::awaitable<void> unlocks_in_do_while(int n) {
  std::unique_lock<std::mutex> lock(m);
  do {
    co_await op();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'lock'
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'lock' is still locked when this loop is entered
    lock.unlock();
  } while (--n > 0);
}

// Unlocked at the end of the first iteration only.
net::awaitable<void> unlocks_after_first_await(int n) {
  std::unique_lock<std::mutex> lock(m);
  for (int i = 0; i < n; ++i) {
    co_await op();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'lock'
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'lock' is still locked when this loop is entered
    lock.unlock();
  }
}

// Locked again at the end of each iteration.
net::awaitable<void> relocks_for_next_iteration() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  while (ready()) {
    co_await op();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'lock'
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'lock' is locked again when this loop repeats
    lock.lock();
  }
}

// --- Guards produced by co_await come from async mutexes: silent. ---

net::awaitable<std::unique_lock<std::mutex>> acquire_without_blocking(std::mutex &);

net::awaitable<void> guard_from_awaited_call() {
  std::unique_lock<std::mutex> lock = co_await acquire_without_blocking(m);
  co_await op();
  auto again = co_await acquire_without_blocking(m);
  co_await op();
  std::unique_lock<std::mutex> later;
  later = co_await acquire_without_blocking(m);
  co_await op();
}

// --- The condition-variable idiom: the awaitable takes the lock. ---

struct async_condition_variable {
  // Unlocks while the waiter is suspended, relocks before it resumes.
  net::awaitable<void> wait(std::unique_lock<std::mutex> &lock);
  template <class Predicate>
  net::awaitable<void> wait(std::unique_lock<std::mutex> &lock, Predicate stop_waiting) {
    co_return;
  }
};
async_condition_variable cv;
net::awaitable<void> observe(const std::unique_lock<std::mutex> &lock);

net::awaitable<void> waits_on_condition() {
  std::unique_lock<std::mutex> lock(m);
  co_await cv.wait(lock, [] { return ready(); });
  co_await cv.wait(lock);
  work();
}

// Passing the lock by const reference does not hand it over.
net::awaitable<void> lock_passed_by_const_reference() {
  std::unique_lock<std::mutex> lock(m);
  co_await observe(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock'
}

// --- Not a thread-blocking mutex, or not a coroutine: silent. ---

struct spin_lock {
  void lock();
  void unlock();
};
spin_lock spin;

net::awaitable<void> guard_over_unlisted_mutex() {
  std::lock_guard<spin_lock> guard(spin);
  co_await op();
}

void ordinary_function() {
  std::lock_guard<std::mutex> guard(m);
  work();
}

// A non-coroutine lambda in a coroutine runs elsewhere.
net::awaitable<void> lambda_holds_lock() {
  auto critical = [] {
    std::lock_guard<std::mutex> guard(m);
    work();
  };
  critical();
  co_await op();
}

// A coroutine lambda inside a coroutine is analysed on its own.
net::awaitable<void> nested_coroutine_lambda() {
  auto inner = []() -> net::awaitable<void> {
    std::lock_guard<std::mutex> guard(m);
    co_await op();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'guard'
  };
  co_await inner();
}

// A static guard is not in the coroutine frame (and never destroyed there).
net::awaitable<void> static_guard() {
  static std::lock_guard<std::mutex> forever(m);
  co_await op();
}

// --- Templates, generic lambdas, macros. ---

// Reported once, from the instantiations: the type is dependent in the pattern.
template <class Mutex> net::awaitable<void> generic_lock(Mutex &mutex) {
  std::lock_guard<Mutex> guard(mutex);
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'guard' of type 'std::lock_guard<std::mutex>'
}
template net::awaitable<void> generic_lock(std::mutex &);
template net::awaitable<void> generic_lock(std::recursive_mutex &);
template net::awaitable<void> generic_lock(spin_lock &);

// A template whose guard type does not depend on the parameter, instantiated twice.
template <class T> net::awaitable<T> fixed_lock() {
  std::lock_guard<std::mutex> guard(m);
  co_return co_await value();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'co_await' suspends the coroutine while 'guard'
}
template net::awaitable<int> fixed_lock<int>();
template net::awaitable<long> fixed_lock<long>();

// Never instantiated: nothing to report.
template <class T> net::awaitable<void> uninstantiated(T &t) {
  std::lock_guard<std::mutex> guard(m);
  co_await t.op();
}

auto generic_lambda = [](auto &mutex) -> net::awaitable<void> {
  std::unique_lock lock(mutex);
  co_await op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock' of type 'std::unique_lock<std::mutex>'
};
void use_generic_lambda() {
  (void)generic_lambda(m);
  (void)generic_lambda(spin);
}

#define LOCKED(mtx) std::lock_guard<std::mutex> macro_guard(mtx)
#define AWAIT(expr) co_await (expr)

net::awaitable<void> macro_expanded() {
  LOCKED(m);
  AWAIT(op());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'macro_guard'
}

// RUN: %check_async %s async-unshielded-cleanup %t -- -I %corio_include

// Real corio headers. <corio/finally.hpp> declares corio::shielded, so the
// fix-its add no #include (async-unshielded-cleanup-include.cpp: they do).
#include <corio/exceptions.hpp>
#include <corio/finally.hpp>
#include <corio/sleep.hpp>
#include <corio/task.hpp>
#include <chrono>
#include <coroutine>
#include <cstdio>
#include <exception>

using namespace std::chrono_literals;


corio::task<void> work();
corio::task<int> fetch();
corio::task<void> cleanup();
corio::task<void> cleanup_for(int id);
void close_now();

// The shape: a flag set in the handler, the cleanup awaited after
// the try, the cancellation rethrown last.
corio::task<void> flag_then_cleanup() {
  bool cancelled = false;
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
    cancelled = true;
  }
  if (cancelled) {
    co_await cleanup();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' after a caught cancellation ('corio::cancelled_error') is not shielded, so it is cancelled too and the cleanup does not run [async-unshielded-cleanup]
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: the cancellation is caught here, but the coroutine stays cancelled
    // CHECK-FIXES: co_await corio::shielded(cleanup());
    throw corio::cancelled_error();
  }
  // Not reached from the handler: the flag is set there.
  co_await work();
}

corio::task<void> exception_ptr_then_cleanup() {
  std::exception_ptr error;
  try {
    co_await corio::sleep_for(10ms);
  } catch (...) {
    error = std::current_exception();
  }
  co_await cleanup_for(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('corio::cancelled_error') is not shielded
  // CHECK-FIXES: co_await corio::shielded(cleanup_for(1));
  if (error)
    std::rethrow_exception(error);
}

// A base-class handler that keeps the exception; each path reports its
// first suspension only.
corio::task<int> base_handler_keeps_error() {
  int value = 0;
  std::exception_ptr error;
  try {
    value = co_await fetch();
  } catch (const std::exception &e) {
    std::puts(e.what());
    error = std::current_exception();
  }
  co_await cleanup();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES: co_await corio::shielded(cleanup());
  co_await cleanup_for(value);
  if (error)
    std::rethrow_exception(error);
  co_return value;
}

// In a loop the next iteration's first await comes after the handler too.
corio::task<void> next_iteration() {
  for (int i = 0; i < 3; ++i) {
    co_await cleanup_for(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' after a caught cancellation
    // CHECK-FIXES: co_await corio::shielded(cleanup_for(i));
    try {
      co_await work();
    } catch (const corio::cancelled_error &) {
      std::puts("cancelled");
    }
  }
  throw corio::cancelled_error();
}

// No fix-it where the awaited expression is not a corio::task: the note
// names the shield instead.
struct ready_later {
  using corio_awaitable = void;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
corio::task<void> not_a_task() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  co_await ready_later{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: await it as 'corio::shielded(...)' to run it out of the cancellation's reach
  throw corio::cancelled_error();
}

// ---- Left alone ------------------------------------------------------------

// Already shielded, directly or as corio::finally's cleanup.
corio::task<void> shielded_cleanup() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  co_await corio::shielded(cleanup());
  co_await corio::finally(cleanup(), [] { return cleanup(); });
  throw corio::cancelled_error();
}

// A handler that never hands the cancellation on swallows it: that is
// async-swallowed-cancellation's finding, on the handler, not this one's.
corio::task<int> swallowed() {
  try {
    co_return co_await fetch();
  } catch (const corio::cancelled_error &) {
  }
  co_await cleanup();
  co_return co_await fetch();
}

// Cleanup that cannot suspend.
corio::task<void> synchronous_cleanup() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
    close_now();
  }
  close_now();
  throw corio::cancelled_error();
}

// The handler rethrows: nothing after it runs on the cancellation's path.
corio::task<void> rethrows() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
    close_now();
    throw;
  }
  co_await cleanup();
}

// The flag says the await only runs when nothing was caught.
corio::task<void> guarded_by_flag() {
  bool failed = false;
  try {
    co_await work();
  } catch (...) {
    failed = true;
  }
  if (!failed)
    co_await cleanup();
  if (failed)
    throw corio::cancelled_error();
}

// Rethrown before the cleanup's await.
corio::task<void> rethrown_first() {
  std::exception_ptr error;
  try {
    co_await work();
  } catch (...) {
    error = std::current_exception();
  }
  if (error != nullptr)
    std::rethrow_exception(error);
  co_await cleanup();
}

// The handler does not catch the cancellation.
struct parse_error : std::exception {};
corio::task<void> other_exception() {
  try {
    co_await work();
  } catch (const parse_error &) {
  }
  co_await cleanup();
  throw parse_error();
}

// Awaits inside a lambda belong to the lambda's own frame.
corio::task<void> lambda_after() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  auto later = []() -> corio::task<void> { co_await cleanup(); };
  (void)later;
  throw corio::cancelled_error();
}

// A default-constructed exception_ptr is null: after a handler that
// swallows the cancellation, `if (error)` is false, so the path ends without
// propagating it (async-swallowed-cancellation's case).
corio::task<void> null_exception_ptr() {
  std::exception_ptr error;
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  } catch (...) {
    error = std::current_exception();
  }
  co_await cleanup();
  if (error)
    std::rethrow_exception(error);
}

// Unless something may have set it before the handler: the try block, a
// loop's previous iteration, a lambda that refers to it.
corio::task<void> exception_ptr_set_in_try() {
  std::exception_ptr error;
  try {
    error = std::make_exception_ptr(parse_error());
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  co_await cleanup();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES: co_await corio::shielded(cleanup());
  if (error)
    std::rethrow_exception(error);
}

corio::task<void> exception_ptr_across_iterations() {
  std::exception_ptr error;
  for (int i = 0; i < 3; ++i) {
    try {
      co_await cleanup_for(i);
    } catch (const corio::cancelled_error &) {
    } catch (...) {
      error = std::current_exception();
    }
  }
  co_await cleanup();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES: co_await corio::shielded(cleanup());
  if (error)
    std::rethrow_exception(error);
}

corio::task<void> exception_ptr_in_lambda() {
  std::exception_ptr error;
  auto keep = [&error] { error = std::current_exception(); };
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
    keep();
  }
  co_await cleanup();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES: co_await corio::shielded(cleanup());
  if (error)
    std::rethrow_exception(error);
}

// ---- Templates and macros ---------------------------------------------------

// A template is reported once, from its pattern, with the fix-it there.
template <class T> corio::task<T> generic_cleanup(corio::task<T> (*make)()) {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  T value = co_await make();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES: T value = co_await corio::shielded(make());
  throw corio::cancelled_error();
  co_return value;
}
template corio::task<int> generic_cleanup(corio::task<int> (*)());

template <class Id> corio::task<void> cleanup_each(Id id) {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  co_await cleanup_for(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES: co_await corio::shielded(cleanup_for(id));
  throw corio::cancelled_error();
}
template corio::task<void> cleanup_each(int);

// A macro's whole operand is wrapped where it is used; an await spelled
// inside a macro is reported at the expansion without a fix-it.
#define CLEANUP() cleanup()
#define AWAIT_CLEANUP co_await cleanup()
corio::task<void> macros() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  co_await CLEANUP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES: co_await corio::shielded(CLEANUP());
  throw corio::cancelled_error();
}
corio::task<void> macro_await() {
  try {
    co_await work();
  } catch (const corio::cancelled_error &) {
  }
  AWAIT_CLEANUP;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation
  // CHECK-FIXES: AWAIT_CLEANUP;
  throw corio::cancelled_error();
}

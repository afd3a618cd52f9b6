// RUN: %check_async --no-fix %s async-swallowed-cancellation %t -- -isystem %inputs

// async_simple's cancellation: an awaiter whose Slot got the Terminate
// signal throws async_simple::SignalException, a std::runtime_error. A Lazy
// coroutine that catches it (or a base of it) and goes on swallows it; one
// that rethrows keeps it. Without Signal.h in the translation unit nothing
// of async_simple can cancel.

#include <async_simple/Signal.h>
#include <async_simple/coro/Lazy.h>

#include <stdexcept>

async_simple::coro::Lazy<int> fetch();
void log(const char *);

async_simple::coro::Lazy<int> swallows() {
  try {
    co_return co_await fetch();
  } catch (const async_simple::SignalException &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'async_simple::SignalException', so the coroutine appears to finish normally [async-swallowed-cancellation]
    log("cancelled");
  }
  co_return 0;
}

async_simple::coro::Lazy<int> swallows_through_its_base() {
  try {
    co_return co_await fetch();
  } catch (const std::runtime_error &e) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'async_simple::SignalException'
    log(e.what());
  }
  co_return -1;
}

async_simple::coro::Lazy<int> keeps_it() {
  try {
    co_return co_await fetch();
  } catch (const async_simple::SignalException &) {
    log("cancelled");
    throw;
  } catch (const std::runtime_error &) {
    co_return -1;
  }
}

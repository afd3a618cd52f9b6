// RUN: %check_async %s async-nested-event-loop %t -- -I %corio_include

// corio::run starts a new event loop on the calling thread; inside a corio
// task that is a nested loop (corio::run throws std::logic_error there).

#include <corio/corio.hpp>

#include <utility>

corio::task<int> fetch(int id);

corio::task<int> handler() {
  int a = corio::run(fetch(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'corio::run' runs an event loop inside a coroutine; the event loop running the coroutine is blocked until it returns [async-nested-event-loop]
  // CHECK-FIXES: int a = co_await fetch(1);
  corio::task<int> pending = fetch(2);
  int b = corio::run(std::move(pending));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'corio::run' runs an event loop inside a coroutine
  // CHECK-FIXES: int b = co_await std::move(pending);
  // On virtual time the nested loop would also change the clock: no fix.
  int c = corio::run(fetch(3), corio::virtual_clock{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'corio::run' runs an event loop inside a coroutine
  co_return a + b + c;
}

// Through a helper: no fix, a note for the call.
int fetch_now(int id) {
  return corio::run(fetch(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'corio::run' runs an event loop inside 'fetch_now', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE+3]]:13: note: coroutine 'uses_helper' calls 'fetch_now' here
}
corio::task<int> uses_helper() {
  co_return fetch_now(4) + co_await fetch(5);
}

// Negative: blocking work handed to a worker thread may run its own loop.
corio::task<int> offloads() {
  co_return co_await corio::to_thread([] { return corio::run(fetch(6)); });
}

// Negative: the program's entry point runs the outermost loop.
int main() { return corio::run(handler()) + corio::run(uses_helper()); }

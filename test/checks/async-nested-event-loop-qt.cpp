// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-nested-event-loop.CheckQt: false}}" %s async-nested-event-loop %t -- -isystem %inputs

// Qt and QCoro (CheckQt, on by default): QEventLoop::exec and QCoro::waitFor
// run a nested event loop inside a QCoro::Task coroutine. processEvents is
// left alone (it returns once the pending events are handled).

#include <QtCore/qeventloop.h>
#include <qcoro/qcorotask.h>

QCoro::Task<int> compute();

QCoro::Task<int> nests(QEventLoop &loop) {
  loop.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QEventLoop::exec' runs an event loop inside a coroutine; the event loop running the coroutine is blocked until it returns [async-nested-event-loop]
  QEventLoop local;
  local.exec(QEventLoop::ExcludeUserInputEvents);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QEventLoop::exec' runs an event loop inside a coroutine
  int value = QCoro::waitFor(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'QCoro::waitFor' runs an event loop inside a coroutine
  auto task = compute();
  value += QCoro::waitFor(task);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'QCoro::waitFor' runs an event loop inside a coroutine
  co_return value;
}

// Through a helper the coroutine calls.
int wait_for_it() { return QCoro::waitFor(compute()); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'QCoro::waitFor' runs an event loop inside 'wait_for_it', which a coroutine calls; the event loop running the coroutine is blocked until it returns
QCoro::Task<int> calls_helper() {
  co_return wait_for_it();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: coroutine 'calls_helper' calls 'wait_for_it' here
}

// Silent: awaiting, pumping pending events, quitting; waits outside coroutines.
QCoro::Task<int> awaits(QEventLoop &loop) {
  loop.processEvents();
  loop.quit();
  co_return co_await compute();
}
int main() {
  QEventLoop loop;
  loop.exec();
  return QCoro::waitFor(compute());
}

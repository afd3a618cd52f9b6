// REQUIRES: qt6
// RUN: %check_async %s async-nested-event-loop %t -- %qt_flags

// async-nested-event-loop on the real Qt 6 and QCoro headers (qt6-base-dev,
// qcoro-qt6-dev): QEventLoop::exec and QCoro::waitFor run a nested event
// loop inside a QCoro::Task coroutine, directly or through a helper it calls.
// Pumping pending events, quitting and awaiting stay silent, and so do the
// same calls outside coroutines.

#include <QCoroTask>
#include <QEventLoop>

QCoro::Task<int> compute();

QCoro::Task<int> nests(QEventLoop &loop) {
  loop.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QEventLoop::exec{{.*}} [async-nested-event-loop]
  QEventLoop local;
  local.exec(QEventLoop::ExcludeUserInputEvents);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QEventLoop::exec{{.*}} [async-nested-event-loop]
  int value = QCoro::waitFor(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: {{.*}}QCoro::waitFor{{.*}} [async-nested-event-loop]
  auto task = compute();
  value += QCoro::waitFor(task);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}}QCoro::waitFor{{.*}} [async-nested-event-loop]
  co_return value;
}

int wait_for_it() { return QCoro::waitFor(compute()); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: {{.*}}QCoro::waitFor{{.*}}wait_for_it{{.*}} [async-nested-event-loop]
QCoro::Task<int> calls_helper() {
  co_return wait_for_it();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: {{.*}}calls_helper{{.*}}wait_for_it{{.*}}
}

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

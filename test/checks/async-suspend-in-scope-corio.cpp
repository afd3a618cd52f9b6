// RUN: %check_async %s async-suspend-in-scope %t -- -I %corio_include
// RUN: %check_async --check-suffix=LISTED --config="{CheckOptions: {async-suspend-in-scope.LockTypes: '::std::mutex;::std::lock_guard;::corio::semaphore_permit'}}" %s async-suspend-in-scope %t -- -I %corio_include

// corio tasks with the real runtime header. A semaphore permit comes from
// co_await, so it is never a thread-blocking lock, even when LockTypes lists
// its type; a std::mutex guard across a corio suspension is (LockTypes
// replaces the catalogue's list, so the LISTED run keeps the std:: entries).

#include <chrono>
#include <corio/corio.hpp>
#include <mutex>

using namespace std::chrono_literals;

std::mutex m;
corio::semaphore slots(4);
int shared_state;

corio::task<void> lock_across_sleep() {
  std::lock_guard<std::mutex> guard(m);
  ++shared_state;
  co_await corio::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'guard' of type 'std::lock_guard<std::mutex>' holds a thread-blocking mutex
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:3: warning: 'co_await' suspends the coroutine while 'guard'
}

corio::task<void> critical_section_then_sleep() {
  {
    std::lock_guard<std::mutex> guard(m);
    ++shared_state;
  }
  co_await corio::sleep_for(10ms);
}

corio::task<void> permit_across_sleep() {
  corio::semaphore_permit permit = co_await slots.hold();
  co_await corio::sleep_for(10ms);
  co_await corio::yield();
}

corio::task<void> permit_assigned_later() {
  corio::semaphore_permit permit;
  permit = co_await slots.hold();
  co_await corio::yield();
}

// RUN: %check_async %s async-blocking-call %t -- -I %corio_include -isystem %inputs
// RUN: %check_async --check-suffix=WRAP --config="{CheckOptions: {async-blocking-call.WrapInToThread: true}}" %s async-blocking-call %t -- -I %corio_include -isystem %inputs

// Only <corio/task.hpp> is included: a fix-it using corio::sleep_for or
// corio::to_thread adds <corio/corio.hpp>, once.

#include <corio/task.hpp>
#include <future>
#include <thread>

// CHECK-FIXES: {{^}}#include <corio/corio.hpp>{{$}}
// CHECK-FIXES-WRAP: {{^}}#include <corio/corio.hpp>{{$}}
// CHECK-FIXES-WRAP-NOT: {{^}}#include <corio/corio.hpp>{{$}}

using namespace std::chrono_literals;

corio::task<void> blocks(std::future<int> &f) {
  // Without corio::to_thread declared, the note names it but carries no fix:
  // the include it needs would not be applied with a note's fix.
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks the event loop's thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await the operation that fulfils the future instead, or wait on a worker thread with corio::to_thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-3]]:3: warning: 'std::future::wait' blocks the event loop's thread
  // CHECK-FIXES-WRAP: {{^}}  co_await corio::to_thread([&] { f.wait(); });{{$}}
  std::this_thread::sleep_for(5ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-MESSAGES-WRAP: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES: {{^}}  co_await corio::sleep_for(5ms);{{$}}
  // CHECK-FIXES-WRAP: {{^}}  co_await corio::sleep_for(5ms);{{$}}
  co_return;
}

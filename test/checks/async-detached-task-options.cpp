// RUN: %check_async --config="{CheckOptions: {async-detached-task.DetachingFunctions: '::jobs::fire_and_forget;post_detached$;^::util::spawn_.*'}}" %s async-detached-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=NONE %s async-detached-task %t -- -isystem %inputs

// DetachingFunctions adds the project's own detaching functions (regular
// expressions, matched against the qualified name when they contain "::",
// else against the plain name). Without the option they are not flagged.

#include <functional>

namespace jobs {
void fire_and_forget(std::function<void()> work);
void fire_and_wait(std::function<void()> work);
} // namespace jobs
namespace net {
void post_detached(int priority);
} // namespace net
namespace util {
void spawn_background(int);
void spawn_periodic(int);
} // namespace util

void uses_them() {
  jobs::fire_and_forget([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'jobs::fire_and_forget' (listed in DetachingFunctions) starts work that nobody joins; its exception is silently dropped [async-detached-task]
  net::post_detached(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'net::post_detached' (listed in DetachingFunctions) starts work that nobody joins
  util::spawn_background(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'util::spawn_background' (listed in DetachingFunctions) starts work that nobody joins
  util::spawn_periodic(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'util::spawn_periodic' (listed in DetachingFunctions) starts work that nobody joins

  // Negative: not listed.
  jobs::fire_and_wait([] {});
}

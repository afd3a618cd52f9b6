// RUN: %check_async --check-suffix=REPLACED --config="{CheckOptions: {async-detached-task.DetachingFunctions: 'std::jthread::detach;::jobs::fire_and_forget'}}" %s async-detached-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=DEFAULT %s async-detached-task %t -- -isystem %inputs
// RUN: %corio_tidy --checks='-*,async-detached-task' --config="{CheckOptions: {async-detached-task.CheckAsio: false, async-detached-task.DetachingFunctions: '::boost::asio::co_spawn;::std::jthread::detach;::jobs::fire_and_forget'}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP %s
// RUN: %corio_tidy --checks='-*,async-detached-task' --config="{CheckOptions: {async-detached-task.CheckAsio: false}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP-DEFAULT %s

// DetachingFunctions' default is the catalogue's detaching calls of the
// selected frameworks (spawning functions, and Class::member for detaching
// members): a value replaces it. A catalogue entry kept is found as before,
// one left out is not, and a name the catalogue lacks is the user's own.

// A name only a deselected framework (Asio, CheckAsio off) has is dropped
// from the effective list; the default lists the selected frameworks' names.
// DUMP: async-detached-task.DetachingFunctions: '::std::jthread::detach;::jobs::fire_and_forget'
// DUMP-DEFAULT: async-detached-task.DetachingFunctions: '::std::thread::detach;::std::jthread::detach;{{.*}}'
// DUMP-DEFAULT-NOT: co_spawn

#include <functional>
#include <thread>

namespace jobs {
void fire_and_forget(std::function<void()> work);
} // namespace jobs

void work(int n);

void detaches(std::thread &worker, std::jthread &stoppable) {
  worker.detach();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:10: warning: 'std::thread::detach' leaves the thread running with nobody to join it
  stoppable.detach();
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:13: warning: 'std::jthread::detach' leaves the thread running with nobody to join it
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:13: warning: 'std::jthread::detach' leaves the thread running with nobody to join it
  jobs::fire_and_forget([] {});
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:3: warning: 'jobs::fire_and_forget' (listed in DetachingFunctions) starts work that nobody joins
}

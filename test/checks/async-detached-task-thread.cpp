// RUN: %check_async %s async-detached-task %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-detached-task.CheckStdThread: false}}" %s async-detached-task %t -- -isystem %inputs

// With CheckStdThread off, the second run expects no diagnostic at all.

#include <memory>
#include <thread>
#include <vector>

void work(int n);

void named_threads(std::vector<int> &data) {
  std::thread worker(work, 1);
  worker.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::thread::detach' leaves the thread running with nobody to join it [async-detached-task]
  std::jthread stoppable([&data](std::stop_token) { data.clear(); });
  stoppable.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::jthread::detach' leaves the thread running with nobody to join it
}

void temporaries_and_pointers(std::unique_ptr<std::thread> owned) {
  std::thread(work, 2).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'std::thread::detach' leaves the thread running
  owned->detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::thread::detach' leaves the thread running
}

// A generic lambda instantiated twice reports once, for its first instantiation.
auto detach_any = [](auto &thread) { thread.detach(); };
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'std::thread::detach' leaves the thread running
void use_generic(std::thread &a, std::jthread &b) {
  detach_any(a);
  detach_any(b);
}

// Negatives: joined threads, jthread's own join on destruction, and a
// detach() of another class.
void joined() {
  std::thread worker(work, 3);
  worker.join();
  std::jthread joins_itself(work, 4);
}
struct job {
  void detach();
};
void other_detach(job &j) { j.detach(); }

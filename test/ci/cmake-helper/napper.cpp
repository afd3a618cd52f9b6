// A blocking sleep in a coroutine: async-blocking-call must report it while
// this file compiles.
#include <chrono>
#include <coroutine>
#include <exception>
#include <thread>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};

task nap() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  co_return;
}

// async-blocking-call as the editor shows it.
#include <coroutine>
#include <future>
#include <thread>

struct eager_task {
  struct promise_type {
    eager_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

eager_task poll_result(std::future<int> result) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5)); // LSP: async-blocking-call
  (void)result.get(); // LSP: async-blocking-call
  co_return;
}

void not_a_coroutine(std::future<int> result) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  (void)result.get();
}

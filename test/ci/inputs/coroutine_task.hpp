// The smallest coroutine type the inputs need: async-blocking-call flags
// blocking calls in any coroutine body, so no framework headers (and their
// parse time) are involved.
#pragma once

#include <coroutine>
#include <exception>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};

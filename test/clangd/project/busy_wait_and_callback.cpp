// async-busy-wait and async-coroutine-callback: a poll loop with a short
// sleep, and a coroutine stored as a void callback.
#include <corio/corio.hpp>

#include <atomic>
#include <chrono>
#include <functional>

using namespace std::chrono_literals;

std::atomic<bool> ready{false};
corio::task<void> refresh();

corio::task<void> wait_ready() {
  while (!ready) // LSP: async-busy-wait
    co_await corio::sleep_for(10ms);
}

corio::task<void> wait_event(corio::event &done) {
  co_await done.wait();
}

void install(std::function<void()> &on_tick) {
  on_tick = refresh; // LSP: async-coroutine-callback
}

// async-blocking-call: a sleep in a corio task, fixed to corio::sleep_for.
#include <corio/corio.hpp>

#include <chrono>
#include <future>
#include <thread>

corio::task<int> poll_result(std::future<int> &result) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5)); // LSP: async-blocking-call fix
  co_return result.get(); // LSP: async-blocking-call
}

int not_a_coroutine(std::future<int> &result) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return result.get();
}

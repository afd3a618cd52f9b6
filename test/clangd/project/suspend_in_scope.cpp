// async-suspend-in-scope: a std::mutex held across co_await.
#include <corio/corio.hpp>

#include <mutex>
#include <vector>

std::mutex history_mutex;
std::vector<int> history;

corio::task<void> record(int value) {
  std::lock_guard lock(history_mutex);
  history.push_back(value);
  co_await corio::yield(); // LSP: async-suspend-in-scope
}

corio::task<void> record_safely(int value) {
  {
    std::lock_guard lock(history_mutex);
    history.push_back(value);
  }
  co_await corio::yield();
}

#include "chat_corio/history.hpp"

#include <fstream>

namespace chat {

void append_to_log(const std::string &path, const std::string &line) {
  std::ofstream log(path, std::ios::app);
  log << line << '\n';
}

corio::task<void> history::append(std::string line) {
  corio::semaphore_permit turn = co_await writer_.hold();
  co_await corio::to_thread(append_to_log, path_, std::move(line));
}

} // namespace chat

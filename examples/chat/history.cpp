#include "chat/history.hpp"

#include <fstream>

namespace chat {

void append_to_log(const std::string &path, const std::string &line) {
  std::ofstream log(path, std::ios::app);
  log << line << '\n';
}

} // namespace chat

// Chat history: persisted to a log file, off the event loop.
#pragma once

#include <corio/corio.hpp>

#include <string>

namespace chat {

// Appends one line to the history log on disk (blocking file I/O).
void append_to_log(const std::string &path, const std::string &line);

// Appends on a worker thread, one line at a time, in the order of the calls.
class history {
public:
  explicit history(std::string path) : path_(std::move(path)) {}
  corio::task<void> append(std::string line);

private:
  std::string path_;
  corio::semaphore writer_{1};
};

} // namespace chat

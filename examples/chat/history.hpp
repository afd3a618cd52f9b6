// Chat history: persisted to a log file.
#pragma once

#include <string>

namespace chat {

// Appends one line to the history log on disk.
void append_to_log(const std::string &path, const std::string &line);

} // namespace chat

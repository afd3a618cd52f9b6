// Chat history: persisted to a log file and replayed to new participants.
#pragma once

#include <boost/asio.hpp>

#include <string>
#include <vector>

namespace chat {

// Resolves the name of the history mirror synchronously.
std::vector<boost::asio::ip::tcp::endpoint> resolve_mirror(const std::string &host);

// Appends one line to the history log on disk.
void append_to_log(const std::string &path, const std::string &line);

} // namespace chat

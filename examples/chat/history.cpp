#include "chat/history.hpp"

#include <fstream>

namespace chat {

std::vector<boost::asio::ip::tcp::endpoint> resolve_mirror(const std::string &host) {
  // A private io_context run to completion: fine from main(), but called from
  // a coroutine it blocks the loop that runs that coroutine.
  boost::asio::io_context io;
  std::vector<boost::asio::ip::tcp::endpoint> endpoints;
  boost::asio::ip::tcp::resolver resolver(io);
  resolver.async_resolve(host, "7001", [&](boost::system::error_code ec, auto results) {
    if (!ec)
      for (const auto &entry : results)
        endpoints.push_back(entry.endpoint());
  });
  io.run();
  return endpoints;
}

void append_to_log(const std::string &path, const std::string &line) {
  std::ofstream log(path, std::ios::app);
  log << line << '\n';
}

} // namespace chat

// Compile test of corio/asio.hpp's standalone-Asio branch against the shim
// in asio_standalone_shim/ (Boost.Asio aliased as namespace asio). It also
// runs, but proves little at run time: the shim's error_code is Boost's,
// where the standalone branch expects std::error_code.
#define CORIO_ASIO_STANDALONE
#include <corio/asio.hpp>

#include <cstdio>
#include <exception>

namespace {

asio::awaitable<int> answer() { co_return 42; }

[[maybe_unused]] corio::task<int> uses_every_entry_point() {
  auto ex = co_await corio::asio_executor();
  asio::steady_timer t(ex);
  co_await t.async_wait(corio::use_task);
  co_await asio::post(ex, corio::use_task);
  co_return co_await corio::from_asio(ex, answer());
}

}  // namespace

int main() {
  try {
    asio::io_context io;
    return corio::run_on(io, uses_every_entry_point()) == 42 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}

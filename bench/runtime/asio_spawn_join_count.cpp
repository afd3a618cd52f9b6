// N spawn+join of an empty awaitable, for counting instructions (callgrind)
// where timings are too noisy: `from_asio` in a task_group under run_on
// against a chain of co_spawn whose handler spawns the next (as
// asio_bench.cpp's spawn_join rows).
//   valgrind --tool=callgrind corio-asio-spawn-count corio|co_spawn N
// Per spawn: the difference between two N, divided by their difference.
#include <boost/asio.hpp>

#include <corio/asio.hpp>
#include <corio/corio.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace net = boost::asio;

namespace {

net::awaitable<void> empty() { co_return; }

corio::task<void> adopt(int n) {
  auto ex = co_await corio::asio_executor();
  co_await corio::with_task_group([ex, n](corio::task_group& g) -> corio::task<void> {
    for (int i = 0; i < n; ++i) co_await g.spawn(corio::from_asio(ex, empty()));
  });
}

struct co_spawn_chain {
  net::io_context& io;
  int left;
  void next() {
    if (left-- == 0) return;
    net::co_spawn(io, empty(), [this](std::exception_ptr) { next(); });
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fputs("usage: corio-asio-spawn-count corio|co_spawn N\n", stderr);
    return 2;
  }
  const int n = std::atoi(argv[2]);
  net::io_context io;
  if (std::string(argv[1]) == "corio") {
    corio::run_on(io, adopt(n));
  } else {
    co_spawn_chain chain{io, n};
    chain.next();
    io.run();
  }
}

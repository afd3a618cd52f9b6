// corio/asio.hpp on the real standalone Asio (Debian's libasio-dev headers,
// unpacked by tools/setup.sh, never installed): run_on, use_task (timer,
// post, error codes as std::system_error), cancellation, and from_asio.
// Boost is in /usr/include, the compiler's default path, so the test also
// proves that no Boost header came in.
#define CORIO_ASIO_STANDALONE
#include <corio/asio.hpp>
#include <corio/corio.hpp>

#if defined(BOOST_VERSION) || defined(BOOST_ASIO_VERSION)
#error "corio/asio.hpp with CORIO_ASIO_STANDALONE included a Boost header"
#endif
#if !defined(ASIO_VERSION)
#error "this test must be compiled against standalone Asio's <asio.hpp>"
#endif

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <system_error>

namespace {

using namespace std::chrono_literals;

int failures = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "FAIL: %s\n", what);
    ++failures;
  }
}

asio::awaitable<int> answer() {
  asio::steady_timer t(co_await asio::this_coro::executor, 1ms);
  co_await t.async_wait(asio::use_awaitable);
  co_return 42;
}

asio::awaitable<void> forever(bool& aborted) {
  asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::hours(1));
  try {
    co_await t.async_wait(asio::use_awaitable);
  } catch (const std::system_error& e) {
    aborted = e.code() == asio::error::operation_aborted;
    throw;
  }
}

corio::task<int> main_task() {
  auto ex = co_await corio::asio_executor();

  asio::steady_timer t(ex, 2ms);
  const auto start = std::chrono::steady_clock::now();
  co_await t.async_wait(corio::use_task);
  expect(std::chrono::steady_clock::now() - start >= 2ms, "use_task: the timer wait returned early");
  co_await asio::post(ex, corio::use_task);

  // An error code is thrown as std::system_error (standalone's error type).
  asio::ip::tcp::socket unconnected(ex);
  char byte = 0;
  try {
    co_await unconnected.async_read_some(asio::buffer(&byte, 1), corio::use_task);
    expect(false, "use_task: reading an unconnected socket did not throw");
  } catch (const std::system_error& e) {
    expect(e.code() != std::error_code(), "use_task: system_error without an error code");
  }

  // corio's cancellation reaches the operation and comes out as corio's.
  asio::steady_timer slow(ex, std::chrono::hours(1));
  bool timed_out = false;
  try {
    co_await corio::with_timeout(5ms, slow.async_wait(corio::use_task));
  } catch (const corio::timeout_error&) {
    timed_out = true;
  }
  expect(timed_out, "use_task: with_timeout did not cancel the wait");

  // from_asio: the result, and cancellation of an adopted awaitable.
  const int value = co_await corio::from_asio(ex, answer());
  expect(value == 42, "from_asio: wrong result");
  bool aborted = false;
  co_await corio::with_task_group([&](corio::task_group& g) -> corio::task<void> {
    g.spawn(corio::from_asio(ex, forever(aborted)));
    co_await corio::sleep_for(2ms);
    g.cancel();
  });
  expect(aborted, "from_asio: cancelling did not abort the awaitable's wait");
  co_return value;
}

}  // namespace

int main() {
  try {
    asio::io_context io;
    const int value = corio::run_on(io, main_task());
    expect(value == 42, "run_on: wrong result");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "FAIL: %s\n", e.what());
    return 1;
  }
  if (failures == 0) std::printf("ok: corio on standalone Asio %d.%d.%d\n", ASIO_VERSION / 100000, ASIO_VERSION / 100 % 1000, ASIO_VERSION % 100);
  return failures == 0 ? 0 : 1;
}

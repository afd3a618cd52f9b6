// RUN: %check_async %s async-swallowed-cancellation %t --

// Real Boost.Asio 1.81 headers. As in the mock-based test, handlers whose fix
// names boost::asio::error::operation_aborted span several lines and lines
// that spell the code are matched when echoed, because the runner rejects any
// unmatched "error:" in the output.

#include <boost/asio.hpp>
#include <cstdio>

namespace net = boost::asio;
using net::ip::tcp;

// The echo session of the Asio examples.
net::awaitable<void> echo(tcp::socket socket) {
  try {
    char data[1024];
    for (;;) {
      std::size_t n = co_await socket.async_read_some(net::buffer(data), net::use_awaitable);
      co_await net::async_write(socket, net::buffer(data, n), net::use_awaitable);
    }
  } catch (std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted', so the coroutine appears to finish normally [async-swallowed-cancellation]
    std::printf("echo Exception: %s\n", e.what());
  }
  // CHECK-FIXES:      } catch (std::exception &e) {
  // CHECK-FIXES-NEXT:     if (const auto *se = dynamic_cast<const boost::system::system_error *>(&e); se && se->code() == boost::asio::error::operation_aborted) throw;
}

net::awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    try {
      tcp::socket socket = co_await acceptor.async_accept(net::use_awaitable);
      net::co_spawn(acceptor.get_executor(), echo(std::move(socket)), net::detached);
    } catch (const boost::system::system_error &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
      std::puts("accept failed");
    }
  }
  // CHECK-FIXES:      } catch (const boost::system::system_error &e) {
  // CHECK-FIXES-NEXT:       if (e.code() == boost::asio::error::operation_aborted) throw;
}

net::awaitable<void> ticker(net::steady_timer &timer) {
  for (;;) {
    timer.expires_after(std::chrono::seconds(1));
    auto [ec] = co_await timer.async_wait(net::as_tuple(net::use_awaitable));
    if (ec == net::error::operation_aborted)
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'continue' after a cancelled operation ('boost::asio::error::operation_aborted') makes the loop ignore the cancellation [async-swallowed-cancellation]
      // CHECK-MESSAGES: :[[@LINE-3]]:9: note: the operation's cancellation is detected here
      // CHECK-MESSAGES-NEXT: if (ec == net::error::operation_aborted)
    std::puts("tick");
  }
}

net::awaitable<void> reader(tcp::socket &socket) {
  char data[64];
  boost::system::error_code ec;
  for (;;) {
    co_await socket.async_read_some(net::buffer(data), net::redirect_error(net::use_awaitable, ec));
    if (ec == boost::asio::error::operation_aborted) {
      std::puts("read cancelled");
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'continue' after a cancelled operation ('boost::asio::error::operation_aborted')
      // CHECK-MESSAGES: :[[@LINE-4]]:9: note: the operation's cancellation is detected here
      // CHECK-MESSAGES-NEXT: if (ec == boost::asio::error::operation_aborted) {
    }
  }
}

// --- Negatives ------------------------------------------------------------------

net::awaitable<void> rethrows_cancellation(tcp::socket &socket) {
  char data[64];
  try {
    co_await socket.async_read_some(net::buffer(data), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() == net::error::operation_aborted)
      throw;
    std::puts(e.what());
  } catch (const std::exception &e) {
    std::puts(e.what());
  }
}

net::awaitable<void> stops_on_cancellation(tcp::socket &socket) {
  char data[64];
  for (;;) {
    auto [ec, n] = co_await socket.async_read_some(net::buffer(data), net::as_tuple(net::use_awaitable));
    if (ec == net::error::operation_aborted)
      co_return;
    if (ec == net::error::eof)
      continue;
    (void)n;
  }
}

// Only coroutines are cancelled at suspension points.
void synchronous(tcp::socket &socket) {
  char data[64];
  try {
    socket.read_some(net::buffer(data));
  } catch (const std::exception &e) {
    std::puts(e.what());
  }
}

int main() {
  net::io_context ctx;
  net::co_spawn(ctx, listener(tcp::acceptor(ctx, {tcp::v4(), 5555})), net::detached);
  ctx.run();
}

// RUN: %check_async %s async-unshielded-cleanup %t --

// Real Boost.Asio 1.81 headers. Once a coroutine's cancellation state is
// cancelled, its next co_await of an operation throws operation_aborted
// before the operation starts, unless throw_if_cancelled(false).

#include <boost/asio.hpp>
#include <exception>

namespace net = boost::asio;
using net::ip::tcp;

// The goodbye after a cancelled read is never written.
net::awaitable<void> session(tcp::socket &socket) {
  char data[64];
  bool stopped = false;
  try {
    for (;;)
      co_await socket.async_read_some(net::buffer(data), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() != net::error::operation_aborted)
      throw;
    stopped = true;
  }
  co_await net::async_write(socket, net::buffer("bye\n", 4), net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('boost::system::system_error' carrying 'boost::asio::error::operation_aborted') is not shielded, so it is cancelled too and the cleanup does not run [async-unshielded-cleanup]
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: the cancellation is caught here, but the coroutine stays cancelled
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'co_await boost::asio::this_coro::reset_cancellation_state()' before it clears the cancellation
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'co_await boost::asio::this_coro::throw_if_cancelled(false)' in the coroutine makes its awaits stop throwing on cancellation
  if (stopped)
    throw boost::system::system_error(net::error::operation_aborted);
}

// The exception_ptr shape, with an awaitable<> cleanup.
net::awaitable<void> shut_down(tcp::socket &socket);
net::awaitable<void> with_error_kept(net::steady_timer &timer, tcp::socket &socket) {
  std::exception_ptr error;
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (...) {
    error = std::current_exception();
  }
  co_await shut_down(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' after a caught cancellation ('boost::system::system_error' carrying 'boost::asio::error::operation_aborted') is not shielded
  if (error)
    std::rethrow_exception(error);
}

// ---- Left alone ------------------------------------------------------------

// The cancellation state is reset before the goodbye; this_coro objects
// are awaited without a test.
net::awaitable<void> resets(tcp::socket &socket, net::steady_timer &timer) {
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (const std::exception &) {
  }
  auto executor = co_await net::this_coro::executor;
  (void)executor;
  co_await net::this_coro::reset_cancellation_state();
  co_await net::async_write(socket, net::buffer("bye\n", 4), net::use_awaitable);
  throw boost::system::system_error(net::error::operation_aborted);
}

// The coroutine asked its awaits not to throw on cancellation.
net::awaitable<void> opted_out(tcp::socket &socket, net::steady_timer &timer) {
  co_await net::this_coro::throw_if_cancelled(false);
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (const std::exception &) {
  }
  co_await net::async_write(socket, net::buffer("bye\n", 4), net::use_awaitable);
  throw boost::system::system_error(net::error::operation_aborted);
}

// Only other errors fall through: the cancellation is rethrown.
net::awaitable<void> rethrows_cancellation(tcp::socket &socket, net::steady_timer &timer) {
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() == net::error::operation_aborted)
      throw;
  }
  co_await net::async_write(socket, net::buffer("bye\n", 4), net::use_awaitable);
}

// Synchronous cleanup only.
net::awaitable<void> closes(tcp::socket &socket, net::steady_timer &timer) {
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (const std::exception &) {
  }
  boost::system::error_code ignored;
  socket.close(ignored);
  throw boost::system::system_error(net::error::operation_aborted);
}

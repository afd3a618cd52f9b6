// RUN: %check_async %s async-swallowed-cancellation %t
// RUN: %check_async --check-suffix=IGNORE --no-fix \
// RUN:   --config="{CheckOptions: {async-swallowed-cancellation.IgnoreBroadHandlersReturningErrors: true}}" \
// RUN:   %s async-swallowed-cancellation %t

// Against Debian's real Boost 1.81 (no mocks). The runner rejects any
// unmatched "error:" in the output, so handlers whose fix names an Asio code
// span several lines (a fix-it with a newline is not echoed).

#include <boost/asio.hpp>
#include <boost/system/system_error.hpp>
#include <cerrno>
#include <exception>
#include <string>
#include <tuple>

namespace net = boost::asio;
using net::ip::tcp;
void log(const char *);

struct reply {
  int status;
  std::string body;
};
reply make_error(const std::exception &e);
reply make_reply(std::size_t n);

// --- Operations whose token hands the error over as a value (class 2) ------

net::awaitable<void> read_as_tuple(tcp::socket &socket, char *data) {
  try {
    auto [ec, n] = co_await socket.async_read_some(net::buffer(data, 16),
                                                   net::as_tuple(net::use_awaitable));
    (void)n;
    if (ec)
      log("read failed");
  } catch (const std::exception &e) {
    log(e.what());
  }
}

net::awaitable<void> read_redirected(tcp::socket &socket, char *data) {
  boost::system::error_code ec;
  try {
    co_await socket.async_read_some(net::buffer(data, 16),
                                    net::redirect_error(net::use_awaitable, ec));
  } catch (...) {
    log("unexpected");
  }
}

// --- Portable comparisons (class 7): operation_aborted equals them ---------

net::awaitable<void> portable_errc(net::steady_timer &timer) {
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() == boost::system::errc::operation_canceled)
      throw;
    log(e.what());
  }
}

net::awaitable<void> portable_make_error_code(net::steady_timer &timer) {
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() != boost::system::errc::make_error_code(boost::system::errc::operation_canceled))
      log(e.what());
    else
      throw;
  }
}

net::awaitable<void> errno_value(net::steady_timer &timer) {
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code().value() == ECANCELED)
      throw;
    log(e.what());
  }
}

// --- Handlers that keep only some codes (class 8) --------------------------

net::awaitable<void> handles_eof_only(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() == net::error::eof) {
      log("peer closed");
      co_return;
    }
    throw;
  }
}

net::awaitable<void> rethrows_all_but_reset(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() != net::error::connection_reset)
      throw;
    log("reset");
  }
}

// A flag set in the handler, the exception rethrown after a graceful close.
net::awaitable<void> closes_then_rethrows(tcp::socket &socket, char *data) {
  bool stopped = false;
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() == net::error::operation_aborted)
      stopped = true;
    else
      log(e.what());
  }
  co_await net::post(socket.get_executor(), net::use_awaitable);
  if (stopped)
    throw boost::system::system_error(net::error::operation_aborted);
}

// Positive: a code other than the cancellation leaves the handler, and so
// does the cancellation on the path that does not rethrow.
net::awaitable<void> rethrows_only_eof(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
  // CHECK-MESSAGES-IGNORE: :[[@LINE-2]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
    if (e.code() == net::error::eof)
      throw;
    log(e.what());
  }
}

// --- Request boundaries (class 18): one --fix run fixes them all -----------

net::awaitable<reply> get_user(tcp::socket &socket, char *data) {
  try {
    std::size_t n =
        co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
    co_return make_reply(n);
  } catch (const std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler returns cancellation 'boost::asio::error::operation_aborted' as an error
    co_return make_error(e);
  }
  // CHECK-FIXES: net::awaitable<reply> get_user(
  // CHECK-FIXES:      } catch (const std::exception &e) {
  // CHECK-FIXES-NEXT:     if (const auto *se = dynamic_cast<const boost::system::system_error *>(&e); se && se->code() == boost::asio::error::operation_aborted) throw;
}

net::awaitable<reply> put_user(tcp::socket &socket, const char *data) {
  try {
    std::size_t n =
        co_await net::async_write(socket, net::buffer(data, 16), net::use_awaitable);
    co_return make_reply(n);
  } catch (const boost::system::system_error &error) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler returns cancellation
    co_return make_error(error);
  }
  // CHECK-FIXES:      } catch (const boost::system::system_error &error) {
  // CHECK-FIXES-NEXT:     if (error.code() == boost::asio::error::operation_aborted) throw;
}

net::awaitable<reply> delete_user(net::steady_timer &timer) {
  try {
    co_await timer.async_wait(net::use_awaitable);
    co_return reply{200, "deleted"};
  } catch (const std::exception &ex) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler returns cancellation
    log(ex.what());
    co_return reply{500, ex.what()};
  }
  // CHECK-FIXES:      } catch (const std::exception &ex) {
  // CHECK-FIXES-NEXT:     if (const auto *se = dynamic_cast<const boost::system::system_error *>(&ex); se && se->code() == boost::asio::error::operation_aborted) throw;
}

// Not a request boundary: one path returns a value, another falls off.
net::awaitable<void> logs_or_returns(net::steady_timer &timer, bool quiet) {
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (const std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
  // CHECK-MESSAGES-IGNORE: :[[@LINE-2]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
    if (quiet)
      co_return;
    log(e.what());
  }
}

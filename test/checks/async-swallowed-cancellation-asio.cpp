// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs

// The runner's implicit check rejects any unmatched "error:" in the output,
// and Asio's codes are spelled `error::operation_aborted`. So handlers whose
// fix names the code span several lines (a fix-it with a newline is not
// echoed), and diagnostics on lines that spell the code match the echoed
// line with CHECK-MESSAGES-NEXT.

#include <boost/asio.hpp>
#include <cstdio>

namespace net = boost::asio;
using net::ip::tcp;
void log(const char *);

// --- Handlers: a cancelled Asio operation throws system_error with
// --- operation_aborted --------------------------------------------------------

// The echo server from the Asio examples: std::exception catches the
// system_error of a cancelled read, and the session ends "normally".
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
  // CHECK-FIXES-NEXT:   //
  // CHECK-FIXES-NEXT:     std::printf("echo Exception: %s\n", e.what());
}

// An unnamed system_error handler gets a name for the test.
net::awaitable<void> unnamed_system_error(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: rethrow the 'boost::system::system_error' first thing in the handler when its code is 'boost::asio::error::operation_aborted'
    log("read failed");
  }
  // CHECK-FIXES:      } catch (const boost::system::system_error &e) {
  // CHECK-FIXES-NEXT:     if (e.code() == boost::asio::error::operation_aborted) throw;
}

// The accept loop goes on after any error, a cancelled accept included.
net::awaitable<void> listener(tcp::acceptor &acceptor, tcp::socket &socket) {
  for (;;) {
    try {
      co_await acceptor.async_accept(socket, net::use_awaitable);
    } catch (const boost::system::system_error& error) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
      log(error.what());
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'continue' leaves the handler without rethrowing the cancellation
    }
  }
  // CHECK-FIXES:      } catch (const boost::system::system_error& error) {
  // CHECK-FIXES-NEXT:       if (error.code() == boost::asio::error::operation_aborted) throw;
}

// Naming the exception must not capture a name the body already uses.
net::awaitable<void> name_in_use(tcp::socket &socket, char *data, const char *e) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const std::exception&) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
    log(e);
  }
  // CHECK-FIXES:      } catch (const std::exception& error) {
  // CHECK-FIXES-NEXT:     if (const auto *se = dynamic_cast<const boost::system::system_error *>(&error); se && se->code() == boost::asio::error::operation_aborted) throw;
}

// The dynamic_cast temporary must not shadow the handler's variable.
net::awaitable<void> handler_variable_named_se(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const std::runtime_error &se) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
  }
  // CHECK-FIXES:      } catch (const std::runtime_error &se) {
  // CHECK-FIXES-NEXT:     if (const auto *sys_error = dynamic_cast<const boost::system::system_error *>(&se); sys_error && sys_error->code() == boost::asio::error::operation_aborted) throw;
}

// catch (...) cannot test the code: no fix.
net::awaitable<void> catch_all(net::steady_timer &timer) {
  try {
    co_await timer.async_wait(net::use_awaitable);
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
    log("timer failed");
  }
}

// Detects the cancellation, logs it, and co_returns anyway.
net::awaitable<void> detects_then_co_returns(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
    if (e.code() == net::error::operation_aborted)
      log("cancelled");
    co_return;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'co_return' leaves the handler without rethrowing the cancellation
  }
}

// The test is inverted: other errors propagate, the cancellation is kept.
net::awaitable<void> inverted_test(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &failure) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
    if (failure.code() == net::error::operation_aborted) {
      log("cancelled");
    } else {
      throw;
    }
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: control reaches the end of the handler here without rethrowing the cancellation
  // CHECK-FIXES:      } catch (const boost::system::system_error &failure) {
  // CHECK-FIXES-NEXT:     if (failure.code() == boost::asio::error::operation_aborted) throw;
}

// A jump out of the handler on the cancelled branch.
net::awaitable<void> continues_when_cancelled(tcp::socket &socket, char *data) {
  for (;;) {
    try {
      co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
    } catch (const boost::system::system_error &e) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler swallows cancellation 'boost::asio::error::operation_aborted'
      if (e.code() == net::error::operation_aborted)
        continue;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: note: 'continue' leaves the handler without rethrowing the cancellation
      throw;
    }
  }
  // CHECK-FIXES:      } catch (const boost::system::system_error &e) {
  // CHECK-FIXES-NEXT:       if (e.code() == boost::asio::error::operation_aborted) throw;
}

// --- Error-code style: as_tuple / redirect_error -------------------------------

net::awaitable<void> as_tuple_loop(tcp::socket &socket, char *data) {
  for (;;) {
    auto [ec, n] = co_await socket.async_read_some(net::buffer(data, 16),
                                                   net::as_tuple(net::use_awaitable));
    if (ec == net::error::operation_aborted)
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'continue' after a cancelled operation ('boost::asio::error::operation_aborted') makes the loop ignore the cancellation [async-swallowed-cancellation]
      // CHECK-MESSAGES: :[[@LINE-3]]:9: note: the operation's cancellation is detected here
      // CHECK-MESSAGES-NEXT: if (ec == net::error::operation_aborted)
      // CHECK-MESSAGES: :[[@LINE-4]]:7: note: leave the loop instead ('break', 'co_return') or throw
    if (ec)
      co_return;
    (void)n;
  }
}

net::awaitable<void> redirect_error_loop(net::steady_timer &timer) {
  boost::system::error_code ec;
  while (true) {
    co_await timer.async_wait(net::redirect_error(net::use_awaitable, ec));
    if (ec != net::error::operation_aborted) {
      log("tick");
    } else {
      log("cancelled, waiting again");
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'continue' after a cancelled operation ('boost::asio::error::operation_aborted') makes the loop ignore the cancellation
      // CHECK-MESSAGES: :[[@LINE-6]]:9: note: the operation's cancellation is detected here
      // CHECK-MESSAGES-NEXT: if (ec != net::error::operation_aborted) {
    }
  }
}

net::awaitable<void> or_condition(net::steady_timer &timer) {
  for (int i = 0; i < 10; ++i) {
    auto [ec] = co_await timer.async_wait(net::as_tuple(net::use_awaitable));
    if (ec == net::error::eof || ec == net::error::operation_aborted) { continue; }
    // CHECK-MESSAGES: :[[@LINE-1]]:73: warning: 'continue' after a cancelled operation ('boost::asio::error::operation_aborted')
    // CHECK-MESSAGES-NEXT: if (ec == net::error::eof || ec == net::error::operation_aborted) { continue; }
    // CHECK-MESSAGES: :[[@LINE-3]]:9: note: the operation's cancellation is detected here
    // CHECK-MESSAGES-NEXT: if (ec == net::error::eof || ec == net::error::operation_aborted) { continue; }
  }
}

// --- Negatives ------------------------------------------------------------------

net::awaitable<void> rethrows_cancellation_then_logs(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() == net::error::operation_aborted)
      throw;
    log(e.what());
  }
}

net::awaitable<void> handles_other_errors_first(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() != net::error::operation_aborted) {
      log(e.what());
      co_return;
    }
    throw;
  }
}

net::awaitable<void> compares_the_value(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (!(e.code().value() != net::error::operation_aborted))
      throw;
  }
}

net::awaitable<void> compares_with_made_code(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() == net::error::make_error_code(net::error::operation_aborted) ||
        e.code() == net::error::eof)
      throw;
  }
}

// What the fix-its produce stays silent.
net::awaitable<void> after_the_fix(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const std::exception &e) {
    if (const auto *se = dynamic_cast<const boost::system::system_error *>(&e);
        se && se->code() == boost::asio::error::operation_aborted)
      throw;
    log(e.what());
  }
}

net::awaitable<void> condition_variable_cast(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const std::exception &e) {
    if (auto *se = dynamic_cast<const boost::system::system_error *>(&e)) {
      if (se->code() == net::error::operation_aborted)
        throw;
    }
    log(e.what());
  }
}

// The first handler takes the cancellation and rethrows it; the std::exception
// handler never sees it.
net::awaitable<void> earlier_handler_rethrows(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() == net::error::operation_aborted)
      throw;
    log(e.what());
  } catch (const std::exception &e) {
    log(e.what());
  }
}

// std::system_error is not a base of boost::system::system_error.
net::awaitable<void> unrelated_system_error(tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(net::buffer(data, 16), net::use_awaitable);
  } catch (const std::system_error &e) {
    log(e.what());
  }
}

net::awaitable<void> error_code_style_negatives(tcp::socket &socket, char *data, bool retry) {
  for (;;) {
    auto [ec, n] = co_await socket.async_read_some(net::buffer(data, 16),
                                                   net::as_tuple(net::use_awaitable));
    if (ec == net::error::operation_aborted && retry)
      continue; // Only on some cancellations: the author decided.
    if (ec == net::error::eof)
      continue;
    if (ec)
      continue; // Not a cancellation test.
    if (ec == net::error::operation_aborted)
      break;
    if (ec == net::error::operation_aborted)
      co_return;
    (void)n;
  }
}

// Only coroutines are cancelled.
void synchronous_loop(tcp::socket &socket, char *data) {
  for (;;) {
    boost::system::error_code ec;
    socket.read_some(net::buffer(data, 16), ec);
    if (ec == net::error::operation_aborted)
      continue;
  }
}

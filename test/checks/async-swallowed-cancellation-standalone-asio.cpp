// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs

// Standalone Asio throws std::system_error (asio::system_error) and the fixes
// compare against asio::error::operation_aborted. As in the Boost.Asio test,
// handlers whose fix names the code span several lines, because the runner
// rejects an unmatched "error:" and the fix-it echo would contain one.

#include <asio.hpp>

void log(const char *);

asio::awaitable<void> unnamed_system_error(asio::ip::tcp::socket &socket, char *data) {
  try {
    co_await socket.async_read_some(asio::buffer(data, 16), asio::use_awaitable);
  } catch (const asio::system_error &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'asio::error::operation_aborted', so the coroutine appears to finish normally [async-swallowed-cancellation]
    log("read failed");
  }
  // CHECK-FIXES:      } catch (const asio::system_error &e) {
  // CHECK-FIXES-NEXT:     if (e.code() == asio::error::operation_aborted) throw;
}

asio::awaitable<void> base_handler(asio::steady_timer &timer) {
  try {
    co_await timer.async_wait(asio::use_awaitable);
  } catch (const std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'asio::error::operation_aborted'
    log(e.what());
  }
  // CHECK-FIXES:      } catch (const std::exception &e) {
  // CHECK-FIXES-NEXT:     if (const auto *se = dynamic_cast<const std::system_error *>(&e); se && se->code() == asio::error::operation_aborted) throw;
}

asio::awaitable<void> as_tuple_loop(asio::steady_timer &timer) {
  for (;;) {
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    if (ec == asio::error::operation_aborted)
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'continue' after a cancelled operation ('asio::error::operation_aborted') makes the loop ignore the cancellation [async-swallowed-cancellation]
      // CHECK-MESSAGES: :[[@LINE-3]]:9: note: the operation's cancellation is detected here
      // CHECK-MESSAGES-NEXT: if (ec == asio::error::operation_aborted)
  }
}

// --- Negatives ------------------------------------------------------------------

asio::awaitable<void> rethrows_cancellation(asio::steady_timer &timer) {
  try {
    co_await timer.async_wait(asio::use_awaitable);
  } catch (const std::system_error &e) {
    if (e.code() == asio::error::operation_aborted)
      throw;
    log(e.what());
  }
}

// A handler for some other exception type.
asio::awaitable<void> unrelated_handler(asio::steady_timer &timer) {
  try {
    co_await timer.async_wait(asio::use_awaitable);
  } catch (const std::logic_error &e) {
    log(e.what());
  }
}

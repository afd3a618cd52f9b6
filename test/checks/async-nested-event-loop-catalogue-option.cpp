// RUN: %check_async --check-suffix=REPLACED --config="{CheckOptions: {async-nested-event-loop.EventLoopFunctions: 'boost::asio::io_context::poll;::mylib::run_loop'}}" %s async-nested-event-loop %t -- -isystem %inputs
// RUN: %check_async --check-suffix=DEFAULT %s async-nested-event-loop %t -- -isystem %inputs
// RUN: %corio_tidy --checks='-*,async-nested-event-loop' --config="{CheckOptions: {async-nested-event-loop.CheckQt: false, async-nested-event-loop.EventLoopFunctions: '::QEventLoop::exec;::boost::asio::io_context::poll;::mylib::run_loop'}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP %s
// RUN: %corio_tidy --checks='-*,async-nested-event-loop' --config="{CheckOptions: {async-nested-event-loop.CheckQt: false}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP-DEFAULT %s

// EventLoopFunctions' default is the catalogue's loop runners and blocking
// waits: a value replaces it. A catalogue entry kept is found as before, one
// left out is not, and a name the catalogue lacks is the user's own.

// A name only a deselected framework (Qt, CheckQt off) has is dropped from
// the effective list; the default lists the selected frameworks' names.
// DUMP: async-nested-event-loop.EventLoopFunctions: '::boost::asio::io_context::poll;::mylib::run_loop'
// DUMP-DEFAULT: async-nested-event-loop.EventLoopFunctions: '::boost::asio::io_context::run;{{.*}}::cppcoro::sync_wait{{.*}}'
// DUMP-DEFAULT-NOT: QEventLoop

#include <boost/asio.hpp>

namespace net = boost::asio;

namespace mylib {
void run_loop();
} // namespace mylib

net::awaitable<void> runs_loops(net::io_context &io) {
  io.run();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside a coroutine
  io.poll();
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside a coroutine
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside a coroutine
  mylib::run_loop();
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:3: warning: 'mylib::run_loop' runs an event loop inside a coroutine
  co_return;
}

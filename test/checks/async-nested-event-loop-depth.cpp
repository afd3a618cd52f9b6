// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs
// RUN: %check_async --check-suffix=DEEP --config="{CheckOptions: {async-nested-event-loop.MaxCallDepth: 4}}" %s async-nested-event-loop %t -- -isystem %inputs
// RUN: %check_async --check-suffix=DIRECT --config="{CheckOptions: {async-nested-event-loop.MaxCallDepth: 0}}" %s async-nested-event-loop %t -- -isystem %inputs

// MaxCallDepth counts the calls from the coroutine to the function that runs
// the loop. Every level of this chain runs one: the default (3) reports
// levels 1-3, DEEP (4) also level 4, DIRECT (0) only the coroutine's own.

#include <boost/asio.hpp>

namespace net = boost::asio;

void level1(net::io_context &io);

net::awaitable<void> session(net::io_context &io) {
  io.poll();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside a coroutine
  // CHECK-MESSAGES-DEEP: :[[@LINE-2]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside a coroutine
  // CHECK-MESSAGES-DIRECT: :[[@LINE-3]]:3: warning: 'boost::asio::io_context::poll' runs an event loop inside a coroutine
  level1(io);
  co_return;
}

void level4(net::io_context &io) {
  io.run();
  // CHECK-MESSAGES-DEEP: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' runs an event loop inside 'level4', which a coroutine calls
  // CHECK-MESSAGES-DEEP: :[[@LINE-7]]:3: note: coroutine 'session' calls 'level1' here
  // CHECK-MESSAGES-DEEP: :[[@LINE+30]]:3: note: 'level1' calls 'level2' here
  // CHECK-MESSAGES-DEEP: :[[@LINE+25]]:3: note: 'level2' calls 'level3' here
  // CHECK-MESSAGES-DEEP: :[[@LINE+13]]:3: note: 'level3' calls 'level4' here
}

void level3(net::io_context &io) {
  io.run_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run_one' runs an event loop inside 'level3', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE-16]]:3: note: coroutine 'session' calls 'level1' here
  // CHECK-MESSAGES: :[[@LINE+21]]:3: note: 'level1' calls 'level2' here
  // CHECK-MESSAGES: :[[@LINE+16]]:3: note: 'level2' calls 'level3' here
  // CHECK-MESSAGES-DEEP: :[[@LINE-5]]:3: warning: 'boost::asio::io_context::run_one' runs an event loop inside 'level3', which a coroutine calls
  // CHECK-MESSAGES-DEEP: :[[@LINE-20]]:3: note: coroutine 'session' calls 'level1' here
  // CHECK-MESSAGES-DEEP: :[[@LINE+17]]:3: note: 'level1' calls 'level2' here
  // CHECK-MESSAGES-DEEP: :[[@LINE+12]]:3: note: 'level2' calls 'level3' here
  level4(io);
}

void level2(net::io_context &io) {
  io.poll_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::poll_one' runs an event loop inside 'level2', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE-29]]:3: note: coroutine 'session' calls 'level1' here
  // CHECK-MESSAGES: :[[@LINE+8]]:3: note: 'level1' calls 'level2' here
  // CHECK-MESSAGES-DEEP: :[[@LINE-4]]:3: warning: 'boost::asio::io_context::poll_one' runs an event loop inside 'level2', which a coroutine calls
  // CHECK-MESSAGES-DEEP: :[[@LINE-32]]:3: note: coroutine 'session' calls 'level1' here
  // CHECK-MESSAGES-DEEP: :[[@LINE+5]]:3: note: 'level1' calls 'level2' here
  level3(io);
}

void level1(net::io_context &io) {
  level2(io);
  io.run_for(std::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run_for' runs an event loop inside 'level1', which a coroutine calls
  // CHECK-MESSAGES: :[[@LINE-41]]:3: note: coroutine 'session' calls 'level1' here
  // CHECK-MESSAGES-DEEP: :[[@LINE-3]]:3: warning: 'boost::asio::io_context::run_for' runs an event loop inside 'level1', which a coroutine calls
  // CHECK-MESSAGES-DEEP: :[[@LINE-43]]:3: note: coroutine 'session' calls 'level1' here
}

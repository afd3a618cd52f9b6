// RUN: %check_async %s async-nested-event-loop %t -- -isystem %inputs
// RUN: %check_async --check-suffix=CUSTOM --config="{CheckOptions: {async-nested-event-loop.EventLoopFunctions: '::mylib::run_loop;mylib::Reactor::spin;::mylib::Pump::operator();::mylib::drive_once;mylib::drive_all;::mylib::block_on'}}" %s async-nested-event-loop %t -- -isystem %inputs

// EventLoopFunctions adds a project's own event loops: functions, member
// functions or function objects, by qualified name (exact, as hasAnyName
// matches: a leading '::' anchors at the global namespace). By default
// none of these is known, so the first run is silent.

#include <cppcoro/task.hpp>

namespace mylib {
void run_loop();
void drive_once();
void drive_all();
void drive();
struct Reactor {
  void spin();
  void stop();
};
// A loop spelled as a call operator, listed by its operator's name.
struct Pump {
  void operator()();
  void operator()(int budget);
};
struct block_on_fn {
  template <class T> int operator()(T &&awaitable) const;
};
inline constexpr block_on_fn block_on{};
} // namespace mylib

cppcoro::task<int> value();

void tick(mylib::Reactor &reactor) {
  reactor.spin();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'mylib::Reactor::spin' runs an event loop inside 'tick', which a coroutine calls
  // CHECK-MESSAGES-CUSTOM: :[[@LINE+13]]:3: note: coroutine 'uses_project_loops' calls 'tick' here
}

cppcoro::task<int> uses_project_loops(mylib::Reactor &reactor, mylib::Pump &pump) {
  mylib::run_loop();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'mylib::run_loop' runs an event loop inside a coroutine
  mylib::drive_once();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'mylib::drive_once' runs an event loop inside a coroutine
  mylib::drive_all();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'mylib::drive_all' runs an event loop inside a coroutine
  // Not listed: drive() (no prefix matching) and Reactor::stop.
  mylib::drive();
  reactor.stop();
  tick(reactor);
  pump();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'mylib::Pump::operator()' runs an event loop inside a coroutine
  pump(10);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'mylib::Pump::operator()' runs an event loop inside a coroutine
  co_return mylib::block_on(value());
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:13: warning: 'mylib::block_on' runs an event loop inside a coroutine
}

// RUN: %check_async %s async-unawaited-task %t --

// async-unawaited-task on the real Boost.Asio headers (libboost1.81-dev):
// asio::awaitable is recognised from its real declarations (the
// std::coroutine_traits specialisation, awaitable_frame's initial_suspend
// returning suspend_always from an `auto` function, the await_transform for
// awaitable<T, Executor>), and the co_await fix compiles against them.

#include <boost/asio.hpp>

#include <coroutine>
#include <vector>

namespace net = boost::asio;
using net::ip::tcp;

net::awaitable<void> write_greeting(tcp::socket &socket);
net::awaitable<int> compute();

net::awaitable<void> session(tcp::socket socket, net::steady_timer &timer) {
  write_greeting(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'write_greeting' is dropped without being awaited, so its coroutine never runs [async-unawaited-task]
  // CHECK-FIXES: {{^}}  co_await write_greeting(socket);
  timer.async_wait(net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::asio::awaitable' returned by 'boost::asio::basic_waitable_timer::async_wait' is dropped
  // CHECK-FIXES: {{^}}  co_await timer.async_wait(net::use_awaitable);
  auto later = compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lazy task 'later' of type 'boost::asio::awaitable' is never awaited, spawned or passed on, so its coroutine never runs
  co_return;
}

// A task type of another framework in an asio coroutine: asio's
// await_transform accepts only awaitables and async operations, so no fix.
namespace other {
struct task {
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept;
};
} // namespace other
other::task other_work();

net::awaitable<void> mixes_frameworks() {
  other_work();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'other::task' returned by 'other_work' is dropped
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the enclosing coroutine cannot co_await a 'other::task': hand it to a spawner or runner of its own framework
  co_return;
}

// Negatives: awaited, spawned, passed on, stored and awaited later.
net::awaitable<void> uses_tasks(net::steady_timer &timer) {
  auto ex = co_await net::this_coro::executor;
  co_await timer.async_wait(net::use_awaitable);
  int v = co_await compute();
  (void)v;
  net::co_spawn(ex, compute(), net::detached);
  co_await net::co_spawn(ex, compute(), net::use_awaitable);
  std::vector<net::awaitable<int>> batch;
  batch.push_back(compute());
  for (auto &t : batch)
    co_await std::move(t);
  timer.async_wait([](boost::system::error_code) {});
}

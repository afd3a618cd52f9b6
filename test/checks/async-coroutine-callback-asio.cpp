// RUN: %check_async %s async-coroutine-callback %t -- -isystem %inputs

// async-coroutine-callback with Asio awaitables (the mocks of Boost.Asio and
// standalone Asio), folly tasks and an eager coroutine type: handlers posted
// or dispatched drop the awaitable; co_spawn and co_invoke keep it.

#include <asio.hpp>
#include <boost/asio.hpp>
#include <folly/coro/Task.h>

#include <coroutine>
#include <exception>
#include <functional>

namespace net = boost::asio;

net::awaitable<void> serve();
asio::awaitable<void> serve_standalone();
folly::coro::Task<int> compute();

// A coroutine type that starts at once: its body runs, nobody sees it fail.
struct fire {
  struct promise_type {
    fire get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};
fire notify();

void posts(net::io_context &io, asio::io_context &standalone) {
  net::post(io, []() -> net::awaitable<void> { co_await serve(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'boost::asio::post' discards the 'boost::asio::awaitable<void>' this callable returns: the coroutine never runs [async-coroutine-callback]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: start the coroutine where its task is kept and joined: 'co_spawn(...)' with a completion handler that takes the exception
  net::dispatch(io.get_executor(), serve);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'boost::asio::dispatch' discards the 'boost::asio::awaitable<void>'
  asio::post(standalone, serve_standalone);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'asio::post' discards the 'asio::awaitable<void>'
  std::function<void()> later = compute;
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'std::function<void ()>' discards the 'folly::coro::Task<int>' this callable returns: the coroutine never runs
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: start the coroutine where its task is kept and joined: 'co_spawn(...)' or 'tg.spawn(...)'
  net::post(io, notify);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'boost::asio::post' discards the 'fire' this callable returns: the coroutine runs detached and its exception is lost
}

// Left alone: sinks made for task-returning callables.
folly::coro::Task<void> keeps(net::io_context &io) {
  net::co_spawn(io, []() -> net::awaitable<void> { co_await serve(); }, net::detached);
  net::co_spawn(io, serve, net::detached);
  co_await folly::coro::co_invoke([]() -> folly::coro::Task<int> { co_return 1; });
  net::post(io, [] {});
}

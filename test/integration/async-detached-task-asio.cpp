// RUN: %check_async %s async-detached-task %t --

// async-detached-task on the real Boost.Asio headers (libboost1.81-dev): a
// detached co_spawn is found through the real co_spawn overloads and
// detached_t, and the tokens that keep the outcome stay silent.

#include <boost/asio.hpp>

#include <exception>
#include <future>
#include <thread>

namespace net = boost::asio;
using net::ip::tcp;

net::awaitable<void> session(tcp::socket socket) { co_return; }
net::awaitable<int> compute() { co_return 42; }

net::awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(net::use_awaitable);
    net::co_spawn(acceptor.get_executor(), session(std::move(socket)), net::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::asio::co_spawn' with the detached token starts a coroutine that nobody joins; its exception is silently dropped [async-detached-task]
  }
}

int main() {
  net::io_context io;
  net::co_spawn(io, listener(tcp::acceptor(io, {tcp::v4(), 5555})), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  // The function-object overload, with a coroutine lambda.
  net::co_spawn(io, []() -> net::awaitable<void> { co_return; }, net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  net::co_spawn(io.get_executor(), compute(), net::detached_t{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token

  std::thread([&io] { io.run(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'std::thread::detach' leaves the thread running with nobody to join it

  // Negatives: a future, a completion handler that sees the exception, an
  // awaited spawn, a joined thread.
  std::future<int> answer = net::co_spawn(io, compute(), net::use_future);
  net::co_spawn(io, compute(), [](std::exception_ptr e, int) {
    if (e)
      std::rethrow_exception(e);
  });
  net::co_spawn(io, []() -> net::awaitable<void> {
    co_await net::co_spawn(co_await net::this_coro::executor, compute(), net::use_awaitable);
  }, [](std::exception_ptr) {});
  std::thread runner([&io] { io.run(); });
  runner.join();
  return answer.get();
}

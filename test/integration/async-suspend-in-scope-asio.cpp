// RUN: %check_async %s async-suspend-in-scope %t --

// async-suspend-in-scope over the real Boost.Asio 1.81, Boost.Thread and
// libstdc++ headers: awaitable<> coroutines and experimental::coro
// generators.

#include <boost/asio.hpp>
#include <boost/asio/experimental/coro.hpp>
#include <boost/thread/locks.hpp>
#include <boost/thread/mutex.hpp>
#include <chrono>
#include <deque>
#include <mutex>
#include <string>

namespace net = boost::asio;
using net::ip::tcp;
using namespace std::chrono_literals;

std::mutex queue_mutex;
std::deque<std::string> outbox;
boost::mutex stats_mutex;
int bytes_sent = 0;

// A lock held while the write completes: flagged.
net::awaitable<void> send_all(tcp::socket &socket) {
  std::lock_guard<std::mutex> guard(queue_mutex);
  for (const std::string &message : outbox)
    co_await net::async_write(socket, net::buffer(message), net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' suspends the coroutine while 'guard' of type 'std::lock_guard<std::mutex>' holds a thread-blocking mutex
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: 'guard' holds the lock from here
  outbox.clear();
}

// The message is copied out under the lock, which is released before the
// write: silent.
net::awaitable<void> send_next(tcp::socket &socket) {
  std::unique_lock<std::mutex> lock(queue_mutex);
  if (outbox.empty())
    co_return;
  std::string message = std::move(outbox.front());
  outbox.pop_front();
  lock.unlock();
  std::size_t n = co_await net::async_write(socket, net::buffer(message), net::use_awaitable);
  {
    boost::lock_guard<boost::mutex> stats(stats_mutex);
    bytes_sent += static_cast<int>(n);
  }
  net::steady_timer timer(socket.get_executor(), 10ms);
  co_await timer.async_wait(net::use_awaitable);
}

// Unlocked on one branch only: flagged, with the path that keeps the lock.
net::awaitable<void> maybe_flush(tcp::socket &socket, bool urgent) {
  boost::mutex::scoped_lock lock(stats_mutex);
  if (urgent)
    lock.unlock();
  char reply[16];
  co_await socket.async_read_some(net::buffer(reply), net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' suspends the coroutine while 'lock' of type 'boost::mutex::scoped_lock' (aka 'unique_lock<mutex>') holds a thread-blocking mutex
  // CHECK-MESSAGES: :[[@LINE-6]]:29: note: 'lock' holds the lock from here
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'lock' is still locked on the path where this condition is false
}

// A user timeout scope, marked for the check.
class [[clang::annotate("corio::scope")]] deadline_scope {
public:
  explicit deadline_scope(std::chrono::steady_clock::duration limit) : limit_(limit) {}
  ~deadline_scope() {}

private:
  std::chrono::steady_clock::duration limit_;
};

// A generator yielding inside the scope: flagged.
net::experimental::coro<int> counter(net::any_io_executor, int limit) {
  deadline_scope deadline(1s);
  for (int i = 0; i < limit; ++i)
    co_yield i;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_yield' suspends the generator while scope 'deadline' of type 'deadline_scope' is active
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: 'deadline' is active from here
  // CHECK-MESSAGES: :[[@LINE-6]]:30: note: each 'co_yield' in 'counter' hands control to its consumer until the generator is resumed
}

// The scope closes before each co_yield: silent.
net::experimental::coro<int> squares(net::any_io_executor, int limit) {
  for (int i = 0; i < limit; ++i) {
    int square;
    {
      deadline_scope deadline(1s);
      square = i * i;
    }
    co_yield square;
  }
}

// A generator yielding under a lock: flagged.
net::experimental::coro<std::string> drain(net::any_io_executor) {
  std::lock_guard<std::mutex> guard(queue_mutex);
  for (std::string &message : outbox)
    co_yield message;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_yield' suspends the coroutine while 'guard'
}

net::awaitable<void> consume(net::any_io_executor executor) {
  auto numbers = counter(executor, 3);
  while (auto value = co_await numbers.async_resume(net::use_awaitable)) {
    std::lock_guard<std::mutex> guard(queue_mutex);
    outbox.push_back(std::to_string(*value));
  }
}

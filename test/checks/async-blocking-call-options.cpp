// RUN: %check_async --check-suffix=LISTED --config="{CheckOptions: {async-blocking-call.BlockingFunctions: '::mylib::fetch;mylib::Pool::get;Client::send_sync$;^::legacy::.*_blocking$', async-blocking-call.AllowedFunctions: 'fetch_cached;::std::this_thread::sleep_for;::fflush;::std::future::get'}}" %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=DEFAULT %s async-blocking-call %t -- -isystem %inputs

// BlockingFunctions adds functions, AllowedFunctions exempts them: regular
// expressions matched against the declaration's qualified name (anchored at
// the global namespace when they start with "::"), like other clang-tidy
// options.

#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

using namespace std::chrono_literals;
namespace net = boost::asio;

namespace mylib {
inline namespace v2 {
void fetch(const char *url);
void fetch_cached(const char *url);
} // namespace v2
template <class T> class Pool {
public:
  T get();
  T try_get();
};
} // namespace mylib
namespace lib = mylib;

struct Client {
  void send_sync();
  void send_sync_later();
};

namespace legacy {
int read_blocking(int fd);
int read_nonblocking(int fd);
} // namespace legacy

net::awaitable<void> calls_listed_functions(mylib::Pool<int> &pool, Client &client) {
  mylib::fetch("a");
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:3: warning: 'mylib::fetch' blocks the event loop's thread (listed in BlockingFunctions), stalling every other task on it [async-blocking-call]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:3: note: run it on a worker thread with corio::to_thread
  // The same declaration through a namespace alias, the inline namespace
  // spelled out, and a using-declaration.
  lib::fetch("b");
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:3: warning: 'mylib::fetch' blocks the event loop's thread
  mylib::v2::fetch("c");
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:3: warning: 'mylib::fetch' blocks the event loop's thread
  using mylib::fetch;
  fetch("d");
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:3: warning: 'mylib::fetch' blocks the event loop's thread
  // A member of a class template, listed without template arguments.
  int value = pool.get();
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:15: warning: 'mylib::Pool::get' blocks the event loop's thread
  client.send_sync();
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:3: warning: 'Client::send_sync' blocks the event loop's thread
  legacy::read_blocking(value);
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:3: warning: 'legacy::read_blocking' blocks the event loop's thread
  // Negative: the regular expressions leave these out; fetch_cached matches
  // '::mylib::fetch' but is allowed.
  mylib::fetch_cached("e");
  value += pool.try_get();
  client.send_sync_later();
  legacy::read_nonblocking(value);
  co_return;
}

// AllowedFunctions exempts catalogue entries too: a member by its class
// template's name, std::future::wait (declared in an implementation base)
// stays flagged.
net::awaitable<int> calls_allowed_functions(std::future<int> &f, FILE *log) {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread
  // CHECK-FIXES-DEFAULT: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 1ms).async_wait(boost::asio::use_awaitable);{{$}}
  fflush(log);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'fflush' blocks the event loop's thread
  f.wait();
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks the event loop's thread
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: 'std::future::wait' blocks the event loop's thread
  co_return f.get();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the event loop's thread
}

// Negative: listed functions may block in ordinary functions.
void ordinary_function(Client &client) {
  mylib::fetch("f");
  client.send_sync();
}

// RUN: %check_async --check-suffix=REPLACED --config="{CheckOptions: {async-blocking-call.BlockingFunctions: '::std::this_thread::sleep_until;::mylib::fetch;usleep'}}" %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=DEFAULT %s async-blocking-call %t -- -isystem %inputs
// RUN: %corio_tidy --checks='-*,async-blocking-call' --config="{CheckOptions: {async-blocking-call.CheckQt: false, async-blocking-call.BlockingFunctions: 'std::this_thread::sleep_until;::QThread::msleep;::mylib::fetch'}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP %s
// RUN: %corio_tidy --checks='-*,async-blocking-call' --config="{CheckOptions: {async-blocking-call.CheckQt: false}}" --dump-config %s -- | %FileCheck --check-prefix=DUMP-DEFAULT %s

// BlockingFunctions' default is the catalogue's list: a value replaces it.
// A catalogue entry kept is flagged in its own category, one left out is
// not, and a name the catalogue lacks is the user's own. The C library's
// and POSIX's functions are catalogue entries too ("usleep" or "::usleep").

// A name only a deselected framework (Qt, CheckQt off) has is dropped from
// the effective list; the default lists the selected frameworks' names.
// DUMP: async-blocking-call.BlockingFunctions: 'std::this_thread::sleep_until;::mylib::fetch'
// DUMP-DEFAULT: async-blocking-call.BlockingFunctions: '::std::this_thread::sleep_for;::std::this_thread::sleep_until;{{.*}};::read;{{.*}};::boost::asio::read;{{.*}};::curl_easy_perform'
// DUMP-DEFAULT-NOT: QThread

#include <boost/asio.hpp>
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;
namespace net = boost::asio;

namespace mylib {
void fetch(const char *url);
} // namespace mylib

net::awaitable<void> sleeps_and_fetches() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop's thread (sleep), stalling every other task on it
  // CHECK-FIXES-DEFAULT: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 1ms).async_wait(boost::asio::use_awaitable);{{$}}
  std::this_thread::sleep_until(std::chrono::steady_clock::now());
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the event loop's thread (sleep), stalling every other task on it
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_until' blocks the event loop's thread (sleep), stalling every other task on it
  mylib::fetch("a");
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:3: warning: 'mylib::fetch' blocks the event loop's thread (listed in BlockingFunctions), stalling every other task on it
  ::usleep(10);
  // CHECK-MESSAGES-REPLACED: :[[@LINE-1]]:3: warning: 'usleep' blocks the event loop's thread (sleep), stalling every other task on it
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: 'usleep' blocks the event loop's thread (sleep), stalling every other task on it
  char byte;
  (void)::read(0, &byte, 1);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:9: warning: 'read' blocks the event loop's thread (file-io), stalling every other task on it
  co_return;
}

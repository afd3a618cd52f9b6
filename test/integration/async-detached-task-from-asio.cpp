// RUN: %check_async --fix-notes %s async-detached-task %t -- -I %corio_include

// The migration the note's fix-it makes on the real Boost.Asio and corio
// headers: a detached co_spawn of an asio::awaitable in a corio coroutine with
// a task group becomes a child adopted with corio::from_asio, and the fix adds
// <corio/asio.hpp>, which this file does not include yet. The fixed file must
// compile.

#include <boost/asio.hpp>
// CHECK-FIXES: {{^}}#include <corio/asio.hpp>
#include <corio/corio.hpp>

#include <utility>

namespace net = boost::asio;
using net::ip::tcp;

net::awaitable<void> session(tcp::socket socket) { co_return; }

corio::task<void> serve(net::io_context &io, tcp::socket socket, corio::task_group &tg) {
  net::co_spawn(io, session(std::move(socket)), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token starts a coroutine that nobody joins
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: adopt it with 'corio::from_asio' and spawn it on the 'corio::task_group' 'tg' instead
  // CHECK-FIXES: {{^}}  tg.spawn(corio::from_asio(io.get_executor(), session(std::move(socket))));
  co_return;
}

corio::task<void> serve_lambda(net::any_io_executor ex, corio::task_group &tg) {
  net::co_spawn(ex, []() -> net::awaitable<int> { co_return 7; }, net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with the detached token
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: adopt it with 'corio::from_asio' and spawn it on the 'corio::task_group' 'tg' instead
  // CHECK-FIXES: {{^}}  tg.spawn(corio::from_asio(ex, []() -> net::awaitable<int> { co_return 7; }));
  co_return;
}

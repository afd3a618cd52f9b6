// corio on Asio: run corio tasks on an io_context (run_on), await any Asio
// operation in them (use_task), and adopt asio::awaitable code (from_asio).
//
// Needs Boost.Asio 1.81 (or standalone Asio: define CORIO_ASIO_STANDALONE
// before including this header). Not included by corio/corio.hpp.
#pragma once

#include <concepts>
#include <exception>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>

#include "corio/config.hpp"
#include "corio/detail/asio_config.hpp"
#include "corio/detail/asio_driver.hpp"
#include "corio/detail/asio_op.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio {

// The completion token: `co_await sock.async_read_some(buf, corio::use_task)`
// in a task running under run_on. The initiating function returns a lazy
// corio::task<T> (T from the completion signature, as with use_awaitable):
// the operation starts when that task is awaited, an error_code is thrown
// as system_error, and cancelling the task's scope cancels the operation
// (through its cancellation slot) and throws cancelled_error.
struct use_task_t {
  constexpr use_task_t() noexcept = default;
};
inline constexpr use_task_t use_task{};

// Runs `main` on a corio loop on the calling thread, driven by `io`: this
// thread runs io, and corio's ticks run inside it as handlers (Asio
// completions wake the tasks and run them in place; other work on io runs
// in between), so both share one thread. Returns
// main's value or rethrows its exception once main and everything it
// started have finished. io must not be run by another thread meanwhile
// (see docs/runtime.md, "Running on Asio").
template <class T>
T run_on(detail::asio_ns::net::io_context& io, task<T> main) {
  if (detail::event_loop::current() != nullptr)
    throw std::logic_error(
        "corio::run_on: called while a corio event loop is already running on this thread; co_await the task "
        "(or spawn it into a task_group) instead of nesting run_on()");
  if (io.get_executor().running_in_this_thread())
    throw std::logic_error(
        "corio::run_on: called from a handler that this io_context is running on this thread; call run_on "
        "instead of io.run(), and adopt Asio coroutines with corio::from_asio");
  if (io.stopped())
    throw std::logic_error(
        "corio::run_on: the io_context is stopped (io.stop() was called, or an earlier run ran out of work); "
        "call io.restart() first");
  auto frame = detail::task_access::frame(main, "corio::run_on");  // `main` still frees it
  detail::event_loop loop(false);
  bool stop_seen = false;
  bool foreign_thread_seen = false;
  std::exception_ptr handler_error;
  {
    detail::asio_driver driver(io, loop, frame.promise());
    frame.promise().start_as_root(nullptr, frame);
    driver.run();
    stop_seen = driver.stop_seen();
    foreign_thread_seen = driver.foreign_thread_seen();
    handler_error = driver.take_handler_error();
  }
  if (handler_error) std::rethrow_exception(handler_error);
  if (foreign_thread_seen)
    throw std::logic_error(
        "corio::run_on: a completion for a corio task ran on another thread that also runs the io_context; "
        "run_on needs the io_context to itself while it runs: every task was cancelled to unwind (give the "
        "other threads their own io_context)");
  if (stop_seen) {
    io.stop();  // leave io as the caller asked for it
    // A real failure of main outranks the report of the stop.
    if (frame.promise().failed() && !detail::is_cancellation(frame.promise().error()))
      std::rethrow_exception(frame.promise().take_error());
    throw std::logic_error(
        "corio::run_on: io_context::stop() was called while corio tasks were running; every task was "
        "cancelled to unwind (stop corio tasks with task_group::cancel(), or call io.stop() after run_on returns)");
  }
  if (loop.deadlocked())
    throw std::logic_error(
        "corio::run_on: deadlock: every task was waiting and nothing could wake them; all tasks were cancelled "
        "to unwind");
  return frame.promise().take_result();
}

// Inside a task under run_on: the executor of run_on's io_context, for
// creating sockets and timers or for from_asio. Not a suspension point.
inline task<detail::asio_ns::net::io_context::executor_type> asio_executor() {
  co_return detail::asio_driver::running("corio::asio_executor").io().get_executor();
}

// Runs an existing asio::awaitable as a corio task: co_spawn on `ex` (an
// executor of run_on's io_context), completion back into corio. Its value
// is returned and its exception rethrown (so a spawned one fails its
// group). Cancelling the task emits terminal cancellation on the
// awaitable's slot and waits for it to finish; the operation_aborted that
// causes inside it comes out as cancelled_error. The task is one corio
// Asio operation that calls co_spawn with its own completion handler, so
// adopting costs one task frame (and `ex` is copied into it at once: the
// reference does not outlive the call).
template <class Executor, class T, class AwaitableExecutor>
CORIO_CORO_WRAPPER task<T> from_asio(const Executor& ex, detail::asio_ns::net::awaitable<T, AwaitableExecutor> aw) {
  return detail::run_spawn<T>(ex, std::move(aw));
}

namespace detail {
template <class F>
struct awaitable_value;
template <class T, class Executor>
struct awaitable_value<asio_ns::net::awaitable<T, Executor>> {
  using type = T;
};
template <class F>
using awaitable_value_t = typename awaitable_value<std::remove_cvref_t<std::invoke_result_t<F&>>>::type;
}  // namespace detail

// The same for a callable returning an awaitable; the callable is kept alive
// until the awaitable finishes, as co_spawn does.
template <class Executor, class F>
  requires std::invocable<F&> && requires { typename detail::awaitable_value_t<F>; }
CORIO_CORO_WRAPPER task<detail::awaitable_value_t<F>> from_asio(const Executor& ex, F f) {
  return detail::run_spawn<detail::awaitable_value_t<F>>(ex, std::move(f));
}

}  // namespace corio

// Every initiating function with `corio::use_task` returns a corio::task.
// Declared by qualified name, so CORIO_ASIO_NAMESPACE may be an alias.
template <class R, class... Args>
class CORIO_ASIO_NAMESPACE::async_result<::corio::use_task_t, R(Args...)>
    : public ::corio::detail::task_async_result<Args...> {};

// wait_for_signal under run_on: an Asio signal_set (kept in its own header).
#include "corio/asio_signal.hpp"

// finally: async cleanup that runs however a task ends.
#pragma once

#include <concepts>
#include <exception>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "corio/config.hpp"
#include "corio/detail/group_core.hpp"
#include "corio/exception_group.hpp"
#include "corio/exceptions.hpp"
#include "corio/shielded.hpp"
#include "corio/task.hpp"

namespace corio {

// co_await finally(body, cleanup): awaits `body`, then `cleanup()` (a
// callable returning task<void>) shielded from cancellation, whether the
// body returned, threw or was cancelled; then returns the body's value or
// rethrows its exception. Python's try/finally with an await in the
// finally block. If the cleanup fails too:
//   - body returned:  the cleanup's exception;
//   - body failed:    exception_group{body's exception, cleanup's};
//   - body cancelled: the cleanup's exception (the cancellation is still
//     pending: the next suspension point sees it again).
// `cleanup` is stored in finally's frame until it has finished, so a
// coroutine lambda may capture.
namespace detail {

template <class T, class F>
task<T> run_finally(task<T> body, F cleanup) {
  static_assert(std::is_invocable_v<F&>, "corio::finally: the cleanup must be callable as cleanup()");
  static_assert(std::is_same_v<std::invoke_result_t<F&>, task<void>>,
                "corio::finally: the cleanup must return corio::task<void>, e.g. [&]() -> corio::task<> { ... }");
  using stored = std::conditional_t<
      std::is_void_v<T>, bool,
      std::conditional_t<std::is_reference_v<T>, std::reference_wrapper<std::remove_reference_t<T>>, T>>;
  [[maybe_unused]] std::optional<stored> value;
  std::exception_ptr body_error;
  try {
    if constexpr (std::is_void_v<T>)
      co_await std::move(body);
    else
      value.emplace(co_await std::move(body));
  } catch (...) {
    body_error = std::current_exception();
  }
  std::exception_ptr cleanup_error;
  try {
    co_await shielded(std::invoke(cleanup));
  } catch (...) {
    cleanup_error = std::current_exception();
  }
  if (cleanup_error) {
    if (body_error && !detail::is_cancellation(body_error))
      throw exception_group(std::vector<std::exception_ptr>{std::move(body_error), std::move(cleanup_error)});
    std::rethrow_exception(cleanup_error);
  }
  if (body_error) std::rethrow_exception(body_error);
  if constexpr (std::is_void_v<T>)
    co_return;
  else if constexpr (std::is_reference_v<T>)
    co_return value->get();
  else
    co_return std::move(*value);
}

}  // namespace detail

// Not a coroutine itself: g++ 12 destroys a prvalue argument of a
// coroutine's by-value parameter once too often, so the coroutine gets
// xvalues only.
template <class T, class F>
CORIO_CORO_WRAPPER task<T> finally(task<T> body, F cleanup) {
  return detail::run_finally<T, F>(std::move(body), std::move(cleanup));
}

}  // namespace corio

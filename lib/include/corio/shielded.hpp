// shielded: run a task that outer cancellation cannot reach.
#pragma once

#include <utility>

#include "corio/cancel_scope.hpp"
#include "corio/task.hpp"

namespace corio {

// The one way to await during cancellation, e.g. for async cleanup. Scopes
// opened inside (timeouts, groups) still work; once `t` returns, the
// caller's next suspension point sees the outer cancellation again. A
// coroutine, not a wrapper: `co_await shielded(f())` then allocates no frame
// of its own (CORIO_CORO_AWAIT_ELIDABLE).
template <class T>
task<T> shielded(task<T> t) {
  const cancel_scope shield = detail::scope_runner::enter({"corio::shielded", {}, true});
  co_return co_await std::move(t);
}

}  // namespace corio

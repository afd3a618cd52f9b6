// shielded: run a task that outer cancellation cannot reach.
#pragma once

#include <utility>

#include "corio/task.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"

namespace corio {

// The one way to await during cancellation, e.g. for async cleanup. Scopes
// opened inside (timeouts, groups) still work; once `t` returns, the
// caller's next suspension point sees the outer cancellation again.
template <class T>
task<T> shielded(task<T> t) {
  detail::owned_scope shield(detail::event_loop::running("corio::shielded").current_fiber(), true);
  co_return co_await std::move(t);
}

}  // namespace corio

// Mock of folly/coro/BlockingWait.h as a project builds folly from source
// (-I): the current function object, with the implementation that drives
// an executor until the task is done. Task, executors: the -isystem mocks.
#pragma once
#include <folly/coro/Task.h>
#include <folly/executors/DrivableExecutor.h>
#include <utility>

namespace folly::coro {
template <class SemiAwaitable>
using semi_await_result_t =
    decltype(std::declval<SemiAwaitable>().operator co_await().await_resume());

namespace detail {
template <class T> class BlockingWaitTask {
public:
  T getVia(DrivableExecutor *executor) && {
    while (!done())
      executor->drive();
    return result();
  }

private:
  bool done() const noexcept;
  T result();
};

template <class SemiAwaitable>
BlockingWaitTask<semi_await_result_t<SemiAwaitable>>
makeRefBlockingWaitTask(SemiAwaitable &&awaitable);

class BlockingWaitExecutor final : public DrivableExecutor {
public:
  void drive() override;
};
} // namespace detail

struct blocking_wait_fn {
  template <class SemiAwaitable>
  auto operator()(SemiAwaitable &&awaitable, DrivableExecutor *executor) const
      -> semi_await_result_t<SemiAwaitable> {
    return detail::makeRefBlockingWaitTask(static_cast<SemiAwaitable &&>(awaitable))
        .getVia(executor);
  }

  template <class SemiAwaitable>
  auto operator()(SemiAwaitable &&awaitable) const -> semi_await_result_t<SemiAwaitable> {
    detail::BlockingWaitExecutor executor;
    return operator()(static_cast<SemiAwaitable &&>(awaitable), &executor);
  }
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait;
} // namespace folly::coro

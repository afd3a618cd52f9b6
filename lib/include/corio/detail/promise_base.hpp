// promise_base: what every task's promise carries, whatever its result type.
#pragma once

#include <coroutine>
#include <exception>

#include "corio/detail/fiber.hpp"

namespace corio::detail {

class promise_base;

// Where control goes when a task finishes: to its awaiter (symmetric
// transfer, so await chains of any depth use constant stack) or, for a
// fiber's root task, to the loop after notifying the run or the group.
// Defined in group_core.hpp, which every task user includes via task.hpp.
std::coroutine_handle<> on_task_finished(promise_base& promise, std::coroutine_handle<> self) noexcept;

class promise_base : public fiber {
 public:
  struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> self) noexcept {
      return on_task_finished(self.promise(), self);
    }
    void await_resume() const noexcept {}
  };

  std::suspend_always initial_suspend() const noexcept { return {}; }
  final_awaiter final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept { error_ = std::current_exception(); }

  bool failed() const noexcept { return error_ != nullptr; }
  const std::exception_ptr& error() const noexcept { return error_; }
  std::exception_ptr take_error() noexcept { return static_cast<std::exception_ptr&&>(error_); }

  // Inline awaiting (co_await task): who resumes when this task finishes.
  bool awaited() const noexcept { return awaited_; }
  std::coroutine_handle<> continuation() const noexcept { return std::coroutine_handle<>::from_address(continuation_); }
  void set_continuation(std::coroutine_handle<> awaiter) noexcept {
    continuation_ = awaiter.address();
    awaited_ = true;
  }

  // Spawned tasks: the fiber parked in co_await on the join_handle, if any.
  fiber* joiner() const noexcept { return joiner_; }
  void set_joiner(fiber* joiner) noexcept { joiner_ = joiner; }

  // Spawned tasks: whether the join_handle is gone, so the task frees its
  // own frame when it finishes.
  bool detached() const noexcept { return detached_; }
  void set_detached() noexcept { detached_ = true; }

 private:
  // A task runs either inline under co_await or as the root of a fiber,
  // never both, so one word tells whom its end wakes; `awaited_` says which.
  union {
    fiber* joiner_ = nullptr;
    void* continuation_;  // a coroutine_handle<>'s address: keeps the union trivial
  };
  std::exception_ptr error_;
};

}  // namespace corio::detail

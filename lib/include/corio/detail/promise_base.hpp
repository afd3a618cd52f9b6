// promise_base: what every task's promise carries, whatever its result type.
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <type_traits>

#include "corio/detail/fiber.hpp"
#include "corio/detail/frame_cache.hpp"

namespace corio {

// Which types a corio task may co_await. A task's suspension has to be one
// the event loop knows about: it parks the task's fiber, wakes it, and can
// interrupt it on cancellation. An awaitable written for another library
// (Asio's, cppcoro's, std::suspend_always) does none of that, so the task
// would hang and run() would end in a misleading deadlock report. corio's
// own awaitables opt in with a member `using corio_awaitable = void;`; an
// integration (corio/asio.hpp) or an awaitable written against corio's
// scheduling may opt in the same way, or by specialising enable_awaitable.
template <class A>
inline constexpr bool enable_awaitable = requires { typename A::corio_awaitable; };

template <class A>
concept awaitable = enable_awaitable<std::remove_cvref_t<A>>;

}  // namespace corio

namespace corio::detail {

class promise_base;

// An awaiter that can be neither copied nor moved (an Asio operation in
// flight), awaited through a reference: g++ 12 copies the object that
// await_transform returns a reference to.
template <class Awaiter>
class awaiter_ref {
 public:
  explicit awaiter_ref(Awaiter& awaiter) noexcept : awaiter_(awaiter) {}
  decltype(auto) await_ready() { return awaiter_.await_ready(); }
  template <class Handle>
  decltype(auto) await_suspend(Handle handle) {
    return awaiter_.await_suspend(handle);
  }
  decltype(auto) await_resume() { return awaiter_.await_resume(); }

 private:
  Awaiter& awaiter_;
};

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

  // Every task's frame (corio/detail/frame_cache.hpp).
  static void* operator new(std::size_t size) { return frame_cache::allocate(size); }
  static void operator delete(void* frame, std::size_t size) noexcept { frame_cache::deallocate(frame, size); }

  std::suspend_always initial_suspend() const noexcept { return {}; }
  final_awaiter final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept { error_ = std::current_exception(); }

  // Every co_await in a corio task goes through here: only corio's own
  // awaitables (and those that opt in) pass.
  template <class A>
  decltype(auto) await_transform(A&& operand) noexcept {
    static_assert(awaitable<A>,
                  "corio::task: co_await on an awaitable that is not corio's; the event loop can neither park nor "
                  "cancel a task in it. co_await corio's own operations, adapt Asio operations with corio::use_task "
                  "or corio::from_asio (corio/asio.hpp), or opt a type written for corio in with "
                  "`using corio_awaitable = void;` or corio::enable_awaitable<T> = true (docs/runtime.md)");
    if constexpr (std::is_move_constructible_v<std::remove_cvref_t<A>>)
      return static_cast<A&&>(operand);
    else
      return awaiter_ref<std::remove_reference_t<A>>(operand);
  }

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

// task<T>: a lazy, move-only coroutine that yields a T or an exception.
#pragma once

#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "corio/config.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/promise_base.hpp"

namespace corio {

template <class T = void>
class task;

namespace detail {

template <class>
inline constexpr bool dependent_false = false;

// Whether T is a corio::task (what spawn and portal::spawn accept from a factory).
template <class T>
inline constexpr bool is_task_v = false;
template <class T>
inline constexpr bool is_task_v<task<T>> = true;

template <class T>
class task_promise : public promise_base {
 public:
  task<T> get_return_object() noexcept;

  template <class U = T>
    requires std::is_convertible_v<U&&, T>
  void return_value(U&& value) noexcept(std::is_nothrow_constructible_v<T, U&&>) {
    value_.emplace(std::forward<U>(value));
  }

  // Moves the outcome out for the awaiter (or run()).
  T take_result() {
    if (failed()) std::rethrow_exception(take_error());
    return std::move(*value_);
  }
  // Leaves the outcome in place (join_handle::result()).
  T& result() {
    if (failed()) std::rethrow_exception(error());
    return *value_;
  }

 private:
  std::optional<T> value_;
};

// task<T&>: the promise keeps the address; the referred-to object is never
// copied or moved.
template <class T>
class task_promise<T&> : public promise_base {
 public:
  task<T&> get_return_object() noexcept;
  void return_value(T& value) noexcept { value_ = std::addressof(value); }
  // `co_return 42;` from a task<const int&> would bind to a temporary that
  // dies before the awaiter sees it.
  template <class U>
    requires(!std::is_lvalue_reference_v<U>)
  void return_value(U&&) {
    static_assert(dependent_false<U>,
                  "corio::task<T&>: co_return of a temporary would leave the awaiter a dangling reference; return an "
                  "object that outlives the task, or make it a task<T>");
  }
  T& take_result() {
    if (failed()) std::rethrow_exception(take_error());
    return *value_;
  }
  T& result() {
    if (failed()) std::rethrow_exception(error());
    return *value_;
  }

 private:
  T* value_ = nullptr;
};

template <>
class task_promise<void> : public promise_base {
 public:
  task<void> get_return_object() noexcept;
  void return_void() const noexcept {}
  void take_result() {
    if (failed()) std::rethrow_exception(take_error());
  }
  void result() const {
    if (failed()) std::rethrow_exception(error());
  }
};

// Reaches the frame of a task for the runtime's own plumbing (spawn, run).
struct task_access;

}  // namespace detail

// A task does nothing until it is awaited (then it runs on the awaiting
// task's fiber, inside the awaiter's cancel scopes), spawned into a
// task_group, or given to run(). Awaiting it yields its value or rethrows
// its exception. Destroying a task that never started frees its frame.
template <class T>
class [[nodiscard]] CORIO_CORO_RETURN_TYPE CORIO_CORO_LIFETIMEBOUND CORIO_CORO_AWAIT_ELIDABLE task {
  static_assert(!std::is_rvalue_reference_v<T>, "corio::task<T&&> is not supported; return a T, or a task<T&>");

 public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;
  using corio_awaitable = void;

  task() noexcept = default;
  task(task&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
  task& operator=(task&& other) noexcept {
    if (this != &other) {
      if (frame_) frame_.destroy();
      frame_ = std::exchange(other.frame_, nullptr);
    }
    return *this;
  }
  task(const task&) = delete;
  task& operator=(const task&) = delete;
  ~task() {
    if (frame_) frame_.destroy();
  }

  // False for a moved-from task, or one handed to spawn()/run().
  explicit operator bool() const noexcept { return static_cast<bool>(frame_); }

  class awaiter {
   public:
    explicit awaiter(std::coroutine_handle<promise_type> frame) noexcept : frame_(frame) {}
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
      frame_.promise().set_continuation(awaiting);
      return detail::transfer_to(frame_);
    }
    T await_resume() { return frame_.promise().take_result(); }

   private:
    std::coroutine_handle<promise_type> frame_;
  };

  awaiter operator co_await() & { return awaiter(startable("co_await")); }
  awaiter operator co_await() && { return awaiter(startable("co_await")); }

 private:
  friend class detail::task_promise<T>;
  friend struct detail::task_access;
  explicit task(std::coroutine_handle<promise_type> frame) noexcept : frame_(frame) {}

  // The frame, if it may still be started; misuse is a logic_error, not UB.
  std::coroutine_handle<promise_type> startable(const char* operation) const {
    if (!frame_)
      throw std::logic_error(std::string("corio::task: ") + operation +
                             " on an empty task (moved-from, or already given to spawn() or run())");
    if (frame_.done() || frame_.promise().awaited())
      throw std::logic_error(std::string("corio::task: ") + operation +
                             " on a task that was already awaited; a task runs at most once");
    return frame_;
  }

  std::coroutine_handle<promise_type> frame_;
};

namespace detail {

template <class T>
task<T> task_promise<T>::get_return_object() noexcept {
  return task<T>(std::coroutine_handle<task_promise<T>>::from_promise(*this));
}
template <class T>
task<T&> task_promise<T&>::get_return_object() noexcept {
  return task<T&>(std::coroutine_handle<task_promise<T&>>::from_promise(*this));
}
inline task<void> task_promise<void>::get_return_object() noexcept {
  return task<void>(std::coroutine_handle<task_promise<void>>::from_promise(*this));
}

struct task_access {
  // The frame of `t`, checked to be startable; `t` keeps owning it.
  template <class T>
  static std::coroutine_handle<task_promise<T>> frame(const task<T>& t, const char* operation) {
    return t.startable(operation);
  }
  // Takes the frame out of `t` for a new fiber; `operation` names the caller.
  template <class T>
  static std::coroutine_handle<task_promise<T>> release(task<T>& t, const char* operation) {
    std::coroutine_handle<task_promise<T>> frame = t.startable(operation);
    t.frame_ = nullptr;
    return frame;
  }
};

}  // namespace detail
}  // namespace corio

#include "corio/detail/group_core.hpp"

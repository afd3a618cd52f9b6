// Mock of QCoro's qcorotask.h: QCoro::Task (eager: it runs up to its first
// suspension when called) and QCoro::waitFor, which runs a nested
// QEventLoop until the task finishes.
#pragma once
#include "../QtCore/qeventloop.h"
#include <concepts>
#include <coroutine>
#include <exception>

namespace QCoro {
template <typename T = void> class Task;

namespace detail {
template <typename T> struct TaskPromise {
  Task<T> get_return_object() noexcept;
  std::suspend_never initial_suspend() const noexcept;
  std::suspend_always final_suspend() const noexcept;
  void unhandled_exception();
  template <typename U> void return_value(U &&value);
};
template <> struct TaskPromise<void> {
  Task<void> get_return_object() noexcept;
  std::suspend_never initial_suspend() const noexcept;
  std::suspend_always final_suspend() const noexcept;
  void unhandled_exception();
  void return_void() noexcept;
};
template <typename T> concept has_await_methods = requires(T t) {
  { t.await_ready() } -> std::same_as<bool>;
};
template <typename T> concept has_operator_coawait = requires(T t) { t.operator co_await(); };
} // namespace detail

template <typename T> concept Awaitable =
    detail::has_operator_coawait<T> || detail::has_await_methods<T>;

template <typename T> class Task {
public:
  using promise_type = detail::TaskPromise<T>;
  using value_type = T;
  Task(Task &&) noexcept;
  ~Task();
  bool isReady() const;
  struct Awaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    T await_resume();
  };
  Awaiter operator co_await() const noexcept;
};

template <typename T> inline T waitFor(QCoro::Task<T> &task);
template <typename T> inline T waitFor(QCoro::Task<T> &&task);
template <Awaitable Awaitable> inline auto waitFor(Awaitable &&awaitable) {
  QEventLoop loop;
  loop.exec();
}
} // namespace QCoro

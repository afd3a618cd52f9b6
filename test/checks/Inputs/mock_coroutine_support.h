// Shared by the mock framework headers. The mocks mirror the real frameworks'
// declarations (namespaces, class and function names, signatures that matter
// for matching); they are only ever parsed (clang-tidy, -fsyntax-only), never
// linked, so member functions are declared, not defined.
#pragma once
#include <coroutine>
#include <exception>
#include <type_traits>

namespace mock_detail {

// A lazy promise producing Task; return_value or return_void as T requires.
template <class Task, class T> struct promise_base {
  Task get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void unhandled_exception() noexcept;
  template <class U = T> void return_value(U &&value);
};
template <class Task> struct promise_base<Task, void> {
  Task get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void unhandled_exception() noexcept;
  void return_void() noexcept;
};

// The awaiter surface of a task type whose co_await yields T.
template <class T> struct awaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  T await_resume() const;
};

// Stands in for a value of R in mock function bodies that must exist (a
// template called with a lambda has to be defined in the TU).
template <class R> R make();

} // namespace mock_detail

// Mock of libcoro (jbaldwin/libcoro): coro::task, sync_wait, mutex,
// thread_pool, generator.
#pragma once
#include "../mock_coroutine_support.h"
#include "task.hpp"
#include <type_traits>
#include <utility>

namespace coro {

template <class Awaitable> auto sync_wait(Awaitable &&a)
    -> decltype(std::declval<Awaitable>().operator co_await().await_resume());

class mutex;
class scoped_lock {
public:
  explicit scoped_lock(mutex &m);
  scoped_lock(scoped_lock &&) noexcept;
  ~scoped_lock();
  void unlock();
};
class mutex {
public:
  mutex() noexcept;
  mock_detail::awaiter<scoped_lock> lock();
  bool try_lock();
  void unlock();
};

class thread_pool {
public:
  struct options {};
  thread_pool();
  mock_detail::awaiter<void> schedule();
  mock_detail::awaiter<void> yield();
  // libcoro 0.15: spawn_detached takes the task by value; spawn_joinable
  // returns a task that must be awaited.
  auto spawn_detached(coro::task<void> user_task) -> bool;
  auto spawn_joinable(coro::task<void> user_task) -> coro::task<void>;
};

class io_scheduler {
public:
  io_scheduler();
  mock_detail::awaiter<void> schedule();
  auto spawn_detached(coro::task<void> &&task) -> bool;
  auto spawn_joinable(coro::task<void> &&task) -> coro::task<void>;
};

template <class T> class generator {
public:
  struct promise_type {
    generator get_return_object() noexcept;
    std::suspend_always initial_suspend() const noexcept;
    std::suspend_always final_suspend() const noexcept;
    std::suspend_always yield_value(T value) noexcept;
    void unhandled_exception();
    void return_void() noexcept;
  };
};
} // namespace coro

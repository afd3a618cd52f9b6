// Mock of async_simple::coro::Lazy (alibaba/async_simple).
#pragma once
#include "../../mock_coroutine_support.h"
#include "../Try.h"
#include <mutex>
#include <type_traits>
#include <utility>

namespace async_simple {
class Executor {
public:
  virtual ~Executor();
};
namespace coro {
template <class T = void> class [[nodiscard]] Lazy;
namespace detail {
// coAwaitTry(): the task's result, an exception included, as a Try.
template <class T, bool reschedule> class LazyBase {
public:
  struct TryAwaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept(!reschedule);
    Try<T> await_resume() noexcept;
  };
  TryAwaiter coAwaitTry();
};
} // namespace detail
template <class T> class [[nodiscard]] RescheduleLazy {
public:
  template <class F> void start(F &&callback) && {}
  void detach() &&;
};
template <class T> class [[nodiscard]] Lazy : public detail::LazyBase<T, false> {
public:
  using promise_type = mock_detail::promise_base<Lazy<T>, T>;
  using ValueType = T;
  Lazy(Lazy &&) noexcept;
  ~Lazy();
  template <class F> void start(F &&callback) && {}
  void detach() &&;
  RescheduleLazy<T> via(Executor *ex) &&;
  mock_detail::awaiter<T> operator co_await() && noexcept;
};
template <class T> T syncAwait(Lazy<T> &&lazy);
template <class T> T syncAwait(Lazy<T> &&lazy, Executor *ex);
template <class T> T syncAwait(RescheduleLazy<T> &&lazy);

class Mutex {
public:
  Mutex() noexcept;
  bool tryLock() noexcept;
  Lazy<void> coLock() noexcept;
  // co_await yields a std::unique_lock<Mutex> adopting the awaited lock.
  mock_detail::awaiter<std::unique_lock<Mutex>> coScopedLock() noexcept;
  void unlock() noexcept;
};
class ScopedLockGuard {};
} // namespace coro
} // namespace async_simple

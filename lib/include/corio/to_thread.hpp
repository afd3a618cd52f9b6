// to_thread: run blocking code on a worker thread and await its result.
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <stop_token>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "corio/capacity_limiter.hpp"
#include "corio/config.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/group_core.hpp"
#include "corio/detail/worker_pool.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio {

namespace detail {

// What to_thread without a limiter of its own holds a token of: 40 calls at
// once in the whole process, as in Trio.
inline capacity_limiter& default_thread_limiter() {
  static capacity_limiter limiter(40);
  return limiter;
}

template <class F, class... A>
inline constexpr bool takes_stop_token = std::is_invocable_v<F, std::stop_token, A...>;

// f's result by value: a reference returned by f would point into the
// worker's world, so the awaiting task gets a copy.
template <class F, class... A>
struct to_thread_result {
  using type = std::remove_cvref_t<std::invoke_result_t<F, A...>>;
};
template <class F, class... A>
  requires takes_stop_token<F, A...>
struct to_thread_result<F, A...> {
  using type = std::remove_cvref_t<std::invoke_result_t<F, std::stop_token, A...>>;
};

// Owns the call while it runs on a worker. The waiting fiber stays parked
// until the worker is done, whatever happens: `f` may reference its frame.
template <class R, class F, class... A>
class thread_call : private pool_job, private foreign_completion, private suspension {
 public:
  using corio_awaitable = void;
  thread_call(F& f, std::tuple<A...>& args) noexcept : suspension{&on_cancel}, f_(f), args_(args) { run = &work; }

  bool await_ready() {
    loop_ = &event_loop::running("corio::to_thread");
    waiter = &loop_->current_fiber();
    cancelled_before_start_ = waiter->cancellation_pending();
    return cancelled_before_start_;
  }

  bool await_suspend(std::coroutine_handle<> awaiting) {
    loop_->begin_foreign_work();
    waiter->block(awaiting, this);
    try {
      worker_pool::instance().submit(*this);
    } catch (...) {
      loop_->abandon_foreign_work();
      waiter->set_state(fiber_state::running);
      error_ = std::current_exception();
      return false;
    }
    return true;
  }

  R await_resume() {
    if (cancelled_before_start_) throw cancelled_error();
    // A real failure of f outranks the cancellation (it must not be lost).
    if (error_ && !(cancel_requested_ && is_cancellation(error_))) std::rethrow_exception(error_);
    if (cancel_requested_) throw cancelled_error();
    if constexpr (!std::is_void_v<R>) return std::move(*value_);
  }

 private:
  static void work(pool_job& job) noexcept {
    thread_call& self = static_cast<thread_call&>(job);
    try {
      if constexpr (std::is_void_v<R>)
        self.call();
      else
        self.value_.emplace(self.call());
    } catch (...) {
      self.error_ = std::current_exception();
    }
    // Last touch of the frame from this thread: the loop takes over.
    self.loop_->complete_from_foreign_thread(self);
  }

  R call() {
    if constexpr (takes_stop_token<F, A...>)
      return std::apply(
          [this](A&... args) -> R { return std::invoke(std::move(f_), stop_.get_token(), std::move(args)...); }, args_);
    else
      return std::apply([this](A&... args) -> R { return std::invoke(std::move(f_), std::move(args)...); }, args_);
  }

  // Runs on the loop thread; the worker keeps going, so this only records
  // the request (and forwards it to f's stop_token).
  static void on_cancel(suspension& s) noexcept {
    thread_call& self = static_cast<thread_call&>(s);
    self.cancel_requested_ = true;
    if constexpr (takes_stop_token<F, A...>) self.stop_.request_stop();
  }

  struct no_stop_source {};
  F& f_;
  std::tuple<A...>& args_;
  event_loop* loop_ = nullptr;
  std::optional<std::conditional_t<std::is_void_v<R>, std::monostate, R>> value_;  // unused for void
  std::exception_ptr error_;
  [[no_unique_address]] std::conditional_t<takes_stop_token<F, A...>, std::stop_source, no_stop_source> stop_;
  bool cancel_requested_ = false;
  bool cancelled_before_start_ = false;
};

// Returns a borrowed token on every way out of the call.
class borrowed_token {
 public:
  explicit borrowed_token(capacity_limiter& limiter) noexcept : limiter_(limiter) {}
  borrowed_token(const borrowed_token&) = delete;
  borrowed_token& operator=(const borrowed_token&) = delete;
  // release() throws only for a token nobody borrowed; this one was.
  ~borrowed_token() { limiter_.release(); }  // NOLINT(bugprone-exception-escape)

 private:
  capacity_limiter& limiter_;
};

// Holds one token while the call runs; the call itself never waits for a
// thread (the pool starts one if none is idle). The limiter is taken by
// pointer: the caller's limiter must outlive the call, which to_thread
// documents, and a coroutine's reference parameter would hide that.
template <class R, class F, class... A>
task<R> run_on_worker(capacity_limiter* limiter, F f, std::tuple<A...> args) {
  co_await limiter->acquire();
  const borrowed_token held(*limiter);
  co_return co_await thread_call<R, F, A...>(f, args);
}

}  // namespace detail

// How many to_thread calls without a limiter of their own run at once in the
// process (default 40); the others wait, cancellably, for one to finish.
inline std::size_t to_thread_pool_size() { return detail::default_thread_limiter().total_tokens(); }
// n >= 1 (std::invalid_argument otherwise). Lowering it below the calls
// running now takes effect as they finish.
inline void set_to_thread_pool_size(std::size_t n) {
  if (n == 0) throw std::invalid_argument("corio::set_to_thread_pool_size: at least one call must be able to run");
  detail::default_thread_limiter().set_total_tokens(n);
}

// Runs f(args...) on corio's worker pool and resumes the awaiting task on its
// own loop with the result or the exception. If f's first parameter is a
// std::stop_token, cancellation requests stop on it; either way cancellation
// waits for f to return, then throws cancelled_error. Waiting for a token
// (set_to_thread_pool_size calls already running) is cancelled at once.
template <class F, class... A>
  requires(!std::is_same_v<std::remove_cvref_t<F>, capacity_limiter>)
CORIO_CORO_WRAPPER auto to_thread(F f, A... args) -> task<typename detail::to_thread_result<F, A...>::type> {
  using R = typename detail::to_thread_result<F, A...>::type;
  return detail::run_on_worker<R>(&detail::default_thread_limiter(), std::move(f),
                                  std::tuple<A...>(std::move(args)...));
}

// The same, bounded by `limiter` instead of the process-wide limit (Trio's
// to_thread.run_sync(..., limiter=)): one kind of blocking work cannot then
// hold up another. `limiter` must outlive the call.
template <class F, class... A>
CORIO_CORO_WRAPPER auto to_thread(capacity_limiter& limiter, F f, A... args)
    -> task<typename detail::to_thread_result<F, A...>::type> {
  using R = typename detail::to_thread_result<F, A...>::type;
  return detail::run_on_worker<R>(&limiter, std::move(f), std::tuple<A...>(std::move(args)...));
}

}  // namespace corio

// RUN: %check_async %s async-unawaited-task %t -- -isystem %inputs

// The check knows no framework by name: every task type below is recognised
// from its declarations (a promise that starts suspended, and co_await
// support).

#include <async_simple/coro/Lazy.h>
#include <boost/cobalt.hpp>
#include <coro/coro.hpp>
#include <cppcoro/cppcoro.hpp>
#include <folly/coro/AsyncGenerator.h>
#include <folly/coro/Task.h>

#include <utility>

cppcoro::task<int> cppcoro_value();
cppcoro::shared_task<void> cppcoro_shared();
folly::coro::Task<void> folly_work();
async_simple::coro::Lazy<int> lazy_value();
coro::task<void> libcoro_work();
boost::cobalt::task<int> cobalt_value();

cppcoro::task<void> cppcoro_coroutine() {
  cppcoro_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'cppcoro::task' returned by 'cppcoro_value' is dropped without being awaited, so its coroutine never runs [async-unawaited-task]
  // CHECK-FIXES: co_await cppcoro_value();
  cppcoro_shared();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'cppcoro::shared_task' returned by 'cppcoro_shared' is dropped
  // CHECK-FIXES: co_await cppcoro_shared();
  co_return;
}

folly::coro::Task<int> folly_coroutine() {
  folly_work();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'folly::coro::Task' returned by 'folly_work' is dropped
  // CHECK-FIXES: co_await folly_work();
  folly::coro::co_invoke([]() -> folly::coro::Task<void> { co_return; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'folly::coro::Task' returned by 'folly::coro::co_invoke' is dropped
  // CHECK-FIXES: {{^}}  co_await folly::coro::co_invoke([]() -> folly::coro::Task<void> { co_return; });
  co_return 1;
}

async_simple::coro::Lazy<void> lazy_coroutine() {
  lazy_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'async_simple::coro::Lazy' returned by 'lazy_value' is dropped
  // CHECK-FIXES: co_await lazy_value();
  co_return;
}

coro::task<void> libcoro_coroutine() {
  libcoro_work();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'coro::task' returned by 'libcoro_work' is dropped
  // CHECK-FIXES: co_await libcoro_work();
  co_return;
}

boost::cobalt::task<void> cobalt_coroutine() {
  cobalt_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'boost::cobalt::task' returned by 'cobalt_value' is dropped
  // CHECK-FIXES: co_await cobalt_value();
  co_return;
}

// Unused locals, in any framework.
cppcoro::task<void> unused_locals() {
  auto a = folly_work();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lazy task 'a' of type 'folly::coro::Task' is never awaited, spawned or passed on, so its coroutine never runs
  cppcoro::task<int> b = cppcoro_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: lazy task 'b' of type 'cppcoro::task' is never awaited
  co_return;
}

// A lambda called on the spot that returns a task.
cppcoro::task<void> immediately_invoked() {
  []() -> cppcoro::task<int> { co_return 1; }();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this 'cppcoro::task' is dropped without being awaited, so its coroutine never runs
  // CHECK-FIXES: co_await []() -> cppcoro::task<int> { co_return 1; }();
  co_return;
}

// A user's own lazy task: nested promise_type, its own awaiter.
namespace user {
template <class T> struct lazy {
  struct promise_type {
    lazy get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_value(T);
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};

// A task found through a std::coroutine_traits specialisation, with a free
// operator co_await.
struct job {};
struct job_promise {
  job get_return_object();
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void return_void();
  void unhandled_exception();
};
mock_detail::awaiter<void> operator co_await(job);

// A promise that only awaits its own kind (an await_transform for it alone).
template <class T> struct strict;
template <class T> struct strict_promise {
  strict<T> get_return_object();
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void return_void();
  void unhandled_exception();
  template <class U> strict<U> &&await_transform(strict<U> &&s);
};
template <class T> struct strict {
  using promise_type = strict_promise<T>;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};
} // namespace user
template <class... Args> struct std::coroutine_traits<user::job, Args...> {
  using promise_type = user::job_promise;
};

user::lazy<int> user_lazy();
user::job user_job();
user::strict<void> user_strict();

user::lazy<int> user_coroutine() {
  user_lazy();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'user::lazy' returned by 'user_lazy' is dropped
  // CHECK-FIXES: co_await user_lazy();
  user_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'user::job' returned by 'user_job' is dropped
  // CHECK-FIXES: co_await user_job();
  co_return 0;
}

// Across frameworks: a strict coroutine cannot await a cppcoro task, so the
// fix would not compile; a note says what to do instead.
user::strict<void> strict_coroutine() {
  cppcoro_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'cppcoro::task' returned by 'cppcoro_value' is dropped
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the enclosing coroutine cannot co_await a 'cppcoro::task': hand it to a spawner or runner of its own framework
  user_strict();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'user::strict' returned by 'user_strict' is dropped
  // CHECK-FIXES: co_await user_strict();
  co_return;
}
// And where the promise transforms nothing, the task's own awaiter decides.
cppcoro::task<void> awaits_other_frameworks() {
  user_strict();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'user::strict' returned by 'user_strict' is dropped
  // CHECK-FIXES: co_await user_strict();
  co_return;
}

// Negatives: eager coroutines run without being awaited.
namespace user {
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_never final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};
struct starts_now {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
template <class T> struct eager {
  struct promise_type {
    eager get_return_object();
    starts_now initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_value(T);
    void unhandled_exception();
  };
  mock_detail::awaiter<T> operator co_await() &&;
};
} // namespace user
user::fire_and_forget log_later();
user::eager<int> compute_now();

// Negatives: generators are iterated, not awaited; a lazy type that co_await
// cannot consume is driven some other way.
namespace user {
struct resumable {
  struct promise_type {
    resumable get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  void resume();
};
} // namespace user
cppcoro::generator<int> numbers();
cppcoro::async_generator<int> async_numbers();
folly::coro::AsyncGenerator<int> folly_numbers();
coro::generator<int> libcoro_numbers();
user::resumable make_resumable();

cppcoro::task<void> negatives() {
  log_later();
  compute_now();
  numbers();
  async_numbers();
  folly_numbers();
  libcoro_numbers();
  make_resumable();
  auto gen = numbers();
  auto t = cppcoro_value();
  co_await t;
}

// portal: reach a task group from any thread.
#pragma once

#include <exception>
#include <future>
#include <memory>
#include <type_traits>
#include <utility>

#include "corio/config.hpp"
#include "corio/detail/group_core.hpp"
#include "corio/detail/portal_call.hpp"
#include "corio/detail/portal_state.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio {

namespace detail {

// A portal spawn on its way; once on the loop it lives in the child's frame.
template <class T>
class portal_spawn_base : public portal_job {
 public:
  std::future<T> future() { return promise_.get_future(); }
  void refuse() noexcept override { promise_.set_exception(std::make_exception_ptr(group_closed())); }

 protected:
  virtual task<T> make() = 0;

 private:
  template <class U>
  friend task<void> fulfil_from_loop(std::unique_ptr<portal_spawn_base<U>> job);
  std::promise<T> promise_;
};

// The child a portal spawns: make()'s task, its outcome copied into the
// future. An exception also stays the child's, so it fails the group. (The
// callable stays behind the pointer: g++ rejects a coroutine frame with a
// member of a type local to another coroutine, -Wsubobject-linkage.)
template <class T>
task<void> fulfil_from_loop(std::unique_ptr<portal_spawn_base<T>> job) {
  try {
    if constexpr (std::is_void_v<T>) {
      co_await job->make();
      job->promise_.set_value();
    } else {
      job->promise_.set_value(co_await job->make());
    }
  } catch (...) {
    job->promise_.set_exception(std::current_exception());
    throw;
  }
}

template <class T, class F>
class portal_spawn final : public portal_spawn_base<T> {
 public:
  explicit portal_spawn(F make) : make_(std::move(make)) {}

  void run(group_core& group, std::unique_ptr<portal_job>& self) override {
    portal_job* job = self.release();  // ownership passes to the child
    task<void> child =
        fulfil_from_loop<T>(std::unique_ptr<portal_spawn_base<T>>(static_cast<portal_spawn_base<T>*>(job)));
    auto frame = task_access::release(child, "corio::portal::spawn");
    frame.promise().set_detached();  // no join_handle: the child frees itself
    group.start_child(frame.promise(), frame);
  }

 private:
  task<T> make() override { return make_(); }
  F make_;
};

template <class F>
class portal_post final : public portal_job {
 public:
  explicit portal_post(F fn) : fn_(std::move(fn)) {}
  void run(group_core&, std::unique_ptr<portal_job>&) override { fn_(); }
  void refuse() noexcept override {}

 private:
  F fn_;
};

}  // namespace detail

// A copyable handle to one task group that any thread may use, from
// task_group::portal(). Each operation is queued to the group's loop, which
// wakes at once if it is idle. After the group has closed, spawn's future
// holds group_closed, post returns false and cancel does nothing, even once
// the loop itself is gone.
class portal {
 public:
  // Runs make() on the loop thread; its task becomes a child of the group,
  // like task_group::spawn (waited for by the group, its failure fails the
  // group; into a cancelled or failing group it starts cancelled). The
  // future gets the child's value or exception. Never wait for the future
  // on the group's own loop thread: the loop could not run the child.
  template <class F>
  auto spawn(F make) const {
    static_assert(std::is_invocable_v<F&>, "corio::portal::spawn: make must be callable with no arguments");
    using made = std::invoke_result_t<F&>;
    static_assert(detail::is_task_v<made>,
                  "corio::portal::spawn: make() must return a corio::task<T>; it runs on the group's loop thread");
    using T = typename made::value_type;
    auto job = std::make_unique<detail::portal_spawn<T, F>>(std::move(make));
    std::future<T> result = job->future();
    std::unique_ptr<detail::portal_job> queued = std::move(job);
    if (!state_->submit(queued)) queued->refuse();
    return result;
  }

  // Runs fn() on the loop thread soon, outside any task (it may spawn into
  // the group or set an event, but not co_await). If it throws, the group
  // fails with that exception. False if the group has closed.
  template <class F>
  bool post(F fn) const {
    static_assert(std::is_invocable_v<F&>, "corio::portal::post: fn must be callable with no arguments");
    std::unique_ptr<detail::portal_job> queued = std::make_unique<detail::portal_post<F>>(std::move(fn));
    return state_->submit(queued);
  }

  // From a corio task on any loop (this group's own as well): runs make()
  // on the group's loop as a child of the group, and resumes the awaiting
  // task on its own loop with the child's value or exception; no thread
  // blocks meanwhile. The group waits for the child and its cancellation
  // reaches it, but the child's failure is the awaiter's alone (it does not
  // fail the group). Cancelling the awaiting task cancels the child and
  // waits for it to finish, then throws cancelled_error (or the child's own
  // failure, if it failed otherwise). If the group has closed, the await
  // throws group_closed.
  template <class F>
  CORIO_CORO_WRAPPER auto call(F make) const {
    static_assert(std::is_invocable_v<F&>, "corio::portal::call: make must be callable with no arguments");
    using made = std::invoke_result_t<F&>;
    static_assert(detail::is_task_v<made>,
                  "corio::portal::call: make() must return a corio::task<T>; it runs on the group's loop thread");
    using T = typename made::value_type;
    static_assert(!std::is_reference_v<T>,
                  "corio::portal::call: the child's result crosses to another loop by value; make() must return a "
                  "task<T> of an object type, or task<void>");
    auto shared = std::make_shared<detail::handoff<T>>();
    std::unique_ptr<detail::portal_job> spawn = std::make_unique<detail::handoff_spawn<T, F>>(shared, std::move(make));
    return detail::await_handoff<T>(state_, std::move(shared), std::move(spawn));
  }

  // task_group::cancel(), from any thread.
  void cancel() const { state_->request_cancel(); }

 private:
  friend class task_group;
  explicit portal(std::shared_ptr<detail::portal_state> state) noexcept : state_(std::move(state)) {}

  std::shared_ptr<detail::portal_state> state_;
};

}  // namespace corio

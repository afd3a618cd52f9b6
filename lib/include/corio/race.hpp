// race: run tasks concurrently; the first to succeed wins, the rest are
// cancelled and awaited before race returns.
#pragma once

#include <cstddef>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "corio/config.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/group_core.hpp"
#include "corio/exception_group.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"
#include "corio/task_group.hpp"

namespace corio {
namespace detail {

// What a child's value becomes in race's result: void is std::monostate.
template <class T>
using race_value_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <class T>
inline constexpr bool race_accepts_v = !std::is_reference_v<T>;

// The outcome of one race, kept in race's frame while its children run.
template <class Result>
class race_state {
 public:
  // A child succeeded: the first one wins and cancels the others.
  void succeed(task_group& group, Result value) {
    if (winner_) return;
    winner_.emplace(std::move(value));
    group.cancel();
  }

  // A child ended with `error`. Before the race is decided (nothing
  // cancelled the child), a failure is a lost entry, reported only if every
  // child fails. A cancelled child's cancelled_error is the race's own doing
  // and is dropped; anything else it raises while being cancelled is a
  // failure of its cleanup, which must not be lost.
  void fail(std::exception_ptr error, bool child_was_cancelled) {
    if (!child_was_cancelled)
      failures_.push_back(std::move(error));
    else if (!is_cancellation(error))
      cleanup_failures_.push_back(std::move(error));
  }

  // After every child has finished, with the race's enclosing scope
  // `outside_cancelled` or not.
  Result take(bool outside_cancelled) {
    if (!cleanup_failures_.empty()) throw exception_group(std::move(cleanup_failures_));
    if (outside_cancelled) throw cancelled_error();
    if (winner_) return std::move(*winner_);
    throw exception_group(std::move(failures_));
  }

 private:
  std::optional<Result> winner_;
  std::vector<std::exception_ptr> failures_;
  std::vector<std::exception_ptr> cleanup_failures_;
};

// One child of a race: reports its outcome instead of failing the group,
// so a lost entry never cancels the others. `Slot` builds race's result
// from the child's position and value (the variant alternative, or the pair).
// The state and the group live in race's frame, which outlives every child
// (pointers: users run cppcoreguidelines-avoid-reference-coroutine-parameters
// over corio's headers).
template <class Slot, class Result, class T>
task<void> race_entrant(task<T> child, race_state<Result>* state, task_group* group, std::size_t index) {
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(child);
      state->succeed(*group, Slot::make(index, std::monostate{}));
    } else {
      state->succeed(*group, Slot::make(index, co_await std::move(child)));
    }
  } catch (...) {  // NOLINT(async-swallowed-cancellation): reported to race_state, which rethrows what the race owes
    state->fail(std::current_exception(), event_loop::current()->current_fiber().cancellation_pending());
  }
}

template <std::size_t I, class Result>
struct variant_slot {
  template <class V>
  static Result make(std::size_t, V&& value) {
    return Result(std::in_place_index<I>, std::forward<V>(value));
  }
};

template <class Result>
struct indexed_slot {
  template <class V>
  static Result make(std::size_t index, V&& value) {
    return Result(index, std::forward<V>(value));
  }
};

// Runs the children in a task group of its own, so none outlives the race.
// Callers pass xvalues: g++ 12 destroys a prvalue argument of a coroutine's
// by-value parameter twice (see finally.hpp).
template <class Result, class SpawnAll>
task<Result> run_race(SpawnAll spawn_all) {
  race_state<Result> state;
  // NOLINTNEXTLINE(cppcoreguidelines-avoid-reference-coroutine-parameters): a group body's signature; it outlives the body
  co_await with_task_group([&](task_group& group) -> task<void> {
    spawn_all(group, state);
    co_return;
  });
  co_return state.take(event_loop::current()->current_fiber().cancellation_pending());
}

template <class... T, std::size_t... I>
auto race_variadic(std::index_sequence<I...>, task<T>... tasks) {
  using result = std::variant<race_value_t<T>...>;
  auto spawn_all = [... tasks = std::move(tasks)](task_group& group, race_state<result>& state) mutable {
    (group.spawn(race_entrant<variant_slot<I, result>>(std::move(tasks), &state, &group, I)), ...);
  };
  return run_race<result>(std::move(spawn_all));
}

}  // namespace detail

// co_await race(a, b, ...): starts every task at once. The first to return
// wins: its value comes back as the variant alternative at its position
// (std::monostate for a task<void>); the others are cancelled, and race
// returns only after every one of them has finished. If every task fails,
// an exception_group of all the failures, in the order they happened. A
// cancellation from outside cancels them all and comes out as
// cancelled_error. A child that raises anything but cancelled_error while
// being cancelled fails the race with an exception_group of those errors.
// The tasks are checked when race is called: an empty or already awaited
// one is a std::logic_error there.
template <class... T>
CORIO_CORO_WRAPPER task<std::variant<detail::race_value_t<T>...>> race(task<T>... tasks) {
  static_assert(sizeof...(T) > 0, "corio::race: a race needs at least one task");
  static_assert((detail::race_accepts_v<T> && ...),
                "corio::race: task<T&> cannot be a variant alternative; race tasks returning a pointer (task<T*>)");
  (static_cast<void>(detail::task_access::frame(tasks, "corio::race")), ...);
  return detail::race_variadic(std::index_sequence_for<T...>{}, std::move(tasks)...);
}

// The same race over a vector of tasks of one type: the winner's index in
// `tasks` and its value (std::monostate for task<void>). An empty vector is
// a std::invalid_argument, thrown when race is called.
template <class T>
CORIO_CORO_WRAPPER task<std::pair<std::size_t, detail::race_value_t<T>>> race(std::vector<task<T>> tasks) {
  static_assert(detail::race_accepts_v<T>,
                "corio::race: task<T&> cannot be raced by value; race tasks returning a pointer (task<T*>)");
  using result = std::pair<std::size_t, detail::race_value_t<T>>;
  if (tasks.empty())
    throw std::invalid_argument("corio::race: the vector of tasks is empty; a race needs at least one task");
  for (const task<T>& t : tasks) static_cast<void>(detail::task_access::frame(t, "corio::race"));
  auto spawn_all = [tasks = std::move(tasks)](task_group& group, detail::race_state<result>& state) mutable {
    for (std::size_t i = 0; i < tasks.size(); ++i)
      group.spawn(detail::race_entrant<detail::indexed_slot<result>>(std::move(tasks[i]), &state, &group, i));
  };
  return detail::run_race<result>(std::move(spawn_all));
}

}  // namespace corio

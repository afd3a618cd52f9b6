// generator<T>: a coroutine that co_awaits and co_yields; its consumer pulls
// values with co_await next().
#pragma once

#include <coroutine>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "corio/config.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/promise_base.hpp"
#include "corio/task.hpp"

namespace corio {

template <class T>
class generator;

namespace detail {

enum class generator_position : std::uint8_t {
  not_started,  // created, body not entered (generators are lazy)
  suspended,    // parked at a co_yield
  running,      // a next() is in progress
  finished,     // body ended (co_return or exception), not yet reported
  exhausted,    // the end (nullopt or the exception) was delivered
};

// The task promise's rules hold for a generator's co_await (only corio's
// awaitables) and it keeps its exception the same way; the fiber part of
// promise_base stays unused, since the body runs on the consumer's fiber.
template <class T>
class generator_promise : public promise_base {
 public:
  using handle = std::coroutine_handle<generator_promise>;

  generator<T> get_return_object() noexcept;

  // Back to whoever awaits next(); the position says why.
  struct return_to_consumer {
    generator_position now;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(handle self) const noexcept {
      self.promise().position_ = now;
      return transfer_to(self.promise().continuation());
    }
    void await_resume() const noexcept {}
  };

  // NOLINTNEXTLINE(bugprone-derived-method-shadowing-base-method): it ends into its consumer, not a group
  return_to_consumer final_suspend() const noexcept { return {generator_position::finished}; }

  template <class U = T>
    requires std::is_constructible_v<T, U&&>
  return_to_consumer yield_value(U&& value) noexcept(std::is_nothrow_constructible_v<T, U&&>) {
    value_.emplace(std::forward<U>(value));
    return {generator_position::suspended};
  }
  void return_void() const noexcept {}

  generator_position position() const noexcept { return position_; }
  void set_position(generator_position position) noexcept { position_ = position; }

  // The value just yielded, moved out for the consumer.
  std::optional<T> take_value() noexcept(std::is_nothrow_move_constructible_v<T>) {
    std::optional<T> out(std::move(value_));
    value_.reset();
    return out;
  }

 private:
  std::optional<T> value_;
  generator_position position_ = generator_position::not_started;
};

}  // namespace detail

// A generator does nothing until the first next(). Each co_await next()
// runs the body on the awaiting task's fiber, inside that task's cancel
// scopes, up to its next co_yield (the value) or its end (nullopt, or its
// exception rethrown). Cancelling the consumer while it waits in next()
// cancels the body at the co_await it is parked in; the body unwinds and
// next() rethrows its cancelled_error. Destroying the generator while it is
// parked at a co_yield destroys the body there, running its destructors.
template <class T>
class [[nodiscard]] generator {
  static_assert(std::is_object_v<T> && !std::is_array_v<T> && std::is_move_constructible_v<T>,
                "corio::generator<T>: T must be a movable object type (next() returns std::optional<T>); yield a "
                "pointer or std::reference_wrapper for references, a placeholder such as std::monostate for void");

 public:
  using promise_type = detail::generator_promise<T>;

  generator() noexcept = default;
  generator(generator&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
  generator& operator=(generator&& other) noexcept {
    if (this != &other) {
      release();
      frame_ = std::exchange(other.frame_, nullptr);
    }
    return *this;
  }
  generator(const generator&) = delete;
  generator& operator=(const generator&) = delete;
  ~generator() { release(); }

  // False for a moved-from generator.
  explicit operator bool() const noexcept { return static_cast<bool>(frame_); }

  // Checks the generator when awaited, not when made: an awaiter kept
  // aside must not resume a body that has ended meanwhile.
  class next_awaiter {
   public:
    using corio_awaitable = void;
    explicit next_awaiter(generator& gen) noexcept : gen_(gen) {}
    bool await_ready() {
      frame_ = gen_.resumable();
      return false;
    }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> consumer) noexcept {
      frame_.promise().set_continuation(consumer);
      frame_.promise().set_position(detail::generator_position::running);
      return detail::transfer_to(frame_);
    }
    std::optional<T> await_resume() {
      promise_type& p = frame_.promise();
      if (p.position() == detail::generator_position::suspended) return p.take_value();
      p.set_position(detail::generator_position::exhausted);
      if (p.failed()) std::rethrow_exception(p.take_error());
      return std::nullopt;
    }

   private:
    generator& gen_;
    std::coroutine_handle<promise_type> frame_;
  };

  // co_await: the next value, or nullopt once the body has returned. The
  // co_await throws std::logic_error on an empty generator, while another
  // next() on it is in progress, and after the end was delivered.
  [[nodiscard]] next_awaiter next() noexcept { return next_awaiter(*this); }

 private:
  friend class detail::generator_promise<T>;
  explicit generator(std::coroutine_handle<promise_type> frame) noexcept : frame_(frame) {}

  std::coroutine_handle<promise_type> resumable() const {
    if (!frame_) throw std::logic_error("corio::generator::next: empty generator (moved-from or default-constructed)");
    switch (frame_.promise().position()) {
      case detail::generator_position::running:
        throw std::logic_error(
            "corio::generator::next: another next() on this generator is still in progress; consume a generator "
            "from one task at a time");
      case detail::generator_position::finished:
      case detail::generator_position::exhausted:
        throw std::logic_error(
            "corio::generator::next: the generator has ended and its end (nullopt or its exception) was already "
            "delivered; stop at the first nullopt");
      default:
        return frame_;
    }
  }

  void release() noexcept {
    if (!frame_) return;
    // Its body is running on a fiber parked in next(): freeing the frame now
    // would pull it from under that fiber.
    if (frame_.promise().position() == detail::generator_position::running) {
      std::fputs(
          "corio::generator: destroyed while a next() on it is in progress; keep the generator alive until that "
          "next() returns\n",
          stderr);
      std::abort();
    }
    frame_.destroy();
    frame_ = nullptr;
  }

  std::coroutine_handle<promise_type> frame_;
};

namespace detail {
template <class T>
generator<T> generator_promise<T>::get_return_object() noexcept {
  return generator<T>(std::coroutine_handle<generator_promise>::from_promise(*this));
}

// `gen` is the caller's or for_each_owned's (a pointer: users run
// cppcoreguidelines-avoid-reference-coroutine-parameters over corio's headers).
template <class T, class F>
task<void> for_each_value(generator<T>* gen, F fn) {
  using result = std::invoke_result_t<F&, T&&>;
  static_assert(std::is_void_v<result> || std::is_same_v<result, task<void>>,
                "corio::for_each: fn(value) must return void or corio::task<void>");
  while (std::optional<T> value = co_await gen->next()) {
    if constexpr (std::is_void_v<result>)
      fn(std::move(*value));
    else
      co_await fn(std::move(*value));
  }
}

// The temporary-generator form keeps the generator in this frame.
template <class T, class F>
task<void> for_each_owned(generator<T> gen, F fn) {
  co_await for_each_value(&gen, std::move(fn));
}
}  // namespace detail

// co_await for_each(gen, fn): fn(value) for each value until the end, where
// fn returns void or task<void> (then each call is awaited before the next
// value is pulled). The generator's exception, or fn's, comes out here; fn
// is kept in the returned task's frame. Not coroutines themselves: g++ 12
// destroys a prvalue argument of a coroutine's by-value parameter twice
// (see finally.hpp), so the coroutines get xvalues only.
template <class T, class F>
CORIO_CORO_WRAPPER task<void> for_each(generator<T>& gen, F fn) {
  static_assert(std::is_invocable_v<F&, T&&>, "corio::for_each: fn must be callable as fn(T&&)");
  return detail::for_each_value(&gen, std::move(fn));
}

// A temporary generator is moved into the returned task.
template <class T, class F>
CORIO_CORO_WRAPPER task<void> for_each(generator<T>&& gen, F fn) {
  static_assert(std::is_invocable_v<F&, T&&>, "corio::for_each: fn must be callable as fn(T&&)");
  return detail::for_each_owned(std::move(gen), std::move(fn));
}

}  // namespace corio

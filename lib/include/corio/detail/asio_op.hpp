// asio_op: one Asio operation started and awaited by a corio task (use_task).
#pragma once

#include <atomic>
#include <coroutine>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "corio/config.hpp"
#include "corio/detail/asio_config.hpp"
#include "corio/detail/asio_driver.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/inline_cancellation.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio::detail {

// What a completion signature's arguments become for the awaiting task:
// a leading error_code or exception_ptr is thrown if set, the rest is the
// value (none: void, one: itself, more: a tuple), as with use_awaitable.
template <class... Values>
struct values_result {
  using type = std::tuple<Values...>;
};
template <>
struct values_result<> {
  using type = void;
};
template <class Value>
struct values_result<Value> {
  using type = Value;
};

enum class outcome_kind : std::uint8_t { values, error_code, exception };

template <class... Args>
struct op_signature {
  static constexpr outcome_kind kind = outcome_kind::values;
  using result = typename values_result<Args...>::type;
};
template <class... Rest>
struct op_signature<asio_ns::error_code, Rest...> {
  static constexpr outcome_kind kind = outcome_kind::error_code;
  using result = typename values_result<Rest...>::type;
};
template <class... Rest>
struct op_signature<std::exception_ptr, Rest...> {
  static constexpr outcome_kind kind = outcome_kind::exception;
  using result = typename values_result<Rest...>::type;
};

// The execution context of an executor, if it can be asked for one.
template <class Executor>
const asio_ns::net::execution_context* context_of(const Executor& ex) noexcept {
  if constexpr (requires { asio_ns::net::query(ex, asio_ns::net::execution::context); })
    return &asio_ns::net::query(ex, asio_ns::net::execution::context);
  else if constexpr (requires { ex.context(); })
    return &ex.context();
  else
    return nullptr;
}

// Refuses an executor of an io_context other than run_on's: its handlers
// would run on whatever thread runs that context, and per-operation
// cancellation may only be emitted where the operation runs.
[[noreturn, gnu::noinline]] inline void refuse_context(const char* operation) {
  throw std::logic_error(std::string(operation) +
                         ": the I/O object or executor belongs to another io_context than the one corio::run_on "
                         "drives; create it on that io_context (co_await corio::asio_executor() gives its executor)");
}

inline void check_context(const asio_driver& driver, const asio_ns::net::execution_context* context,
                          const char* operation) {
  if (context != nullptr && context != &static_cast<asio_ns::net::execution_context&>(driver.io()))
    refuse_context(operation);
}

inline bool is_operation_aborted(const std::exception_ptr& error) noexcept {
  try {
    std::rethrow_exception(error);
  } catch (const asio_ns::system_error& e) {
    // make_error_code by ADL: Boost's or standalone Asio's, whichever it is.
    return e.code() == asio_ns::error_code(make_error_code(asio_ns::net::error::operation_aborted));
  } catch (const cancelled_error&) {
    return true;
  } catch (...) {
    return false;
  }
}

// Lives in the awaiting task's frame from initiation until the completion
// handler has run, whatever happens: the operation may reference the frame
// (buffers, this object's cancellation signal), so cancellation is passed on
// to the operation's cancellation slot and then waited out, never abandoned.
template <class Signature, class Initiation, class ArgsTuple, class... Args>
class asio_op final : private suspension, private foreign_completion {
 public:
  using result_type = typename Signature::result;
  // Parks and cancels through corio's suspension: a corio awaitable.
  using corio_awaitable = void;

  asio_op(Initiation& initiation, ArgsTuple& args, const char* operation) noexcept
      : suspension{&on_cancel}, initiation_(initiation), args_(args), operation_(operation) {}
  asio_op(const asio_op&) = delete;
  asio_op& operator=(const asio_op&) = delete;

  // The completion handler Asio gets. Its associated executor is run_on's
  // io_context (so post(use_task), and every handler, runs where corio
  // runs) and its cancellation slot is this operation's.
  class handler {
   public:
    using executor_type = asio_ns::net::io_context::executor_type;
    using cancellation_slot_type = inline_cancellation_signal::slot_type;

    explicit handler(asio_op& op) noexcept : op_(&op) {}
    executor_type get_executor() const noexcept { return op_->driver_->io().get_executor(); }
    cancellation_slot_type get_cancellation_slot() const noexcept { return op_->signal_.slot(); }

    void operator()(Args... args) { op_->complete(std::move(args)...); }

   private:
    asio_op* op_;
  };

  bool await_ready() {
    driver_ = &asio_driver::running(operation_);
    if constexpr (requires { initiation_.get_executor(); })
      check_context(*driver_, context_of(initiation_.get_executor()), operation_);
    waiter = &driver_->loop().current_fiber();
    cancelled_before_start_ = waiter->cancellation_pending();  // an already-cancelled task starts nothing
    return cancelled_before_start_;
  }

  bool await_suspend(std::coroutine_handle<> awaiting) {
    event_loop& loop = driver_->loop();
    loop.begin_foreign_work();  // the loop is not idle (nor deadlocked) while the operation is pending
    waiter->block(awaiting, this);
    try {
      std::apply([this](auto&... args) { std::move(initiation_)(handler(*this), std::move(args)...); }, args_);
    } catch (...) {
      loop.abandon_foreign_work();
      waiter->set_state(fiber_state::running);
      start_error_ = std::current_exception();
      return false;
    }
    return true;
  }

  result_type await_resume() {
    if (cancelled_before_start_) throw cancelled_error();
    if (start_error_) std::rethrow_exception(start_error_);
    auto& values = *outcome_;
    if constexpr (Signature::kind == outcome_kind::error_code) {
      // Whatever the operation reports once corio cancelled it (aborted,
      // or an error or success that raced with the cancellation) ends the
      // task the corio way. An abort corio did not cause stays an error.
      if (cancel_emitted_) throw cancelled_error();
      if (const asio_ns::error_code& ec = std::get<0>(values)) throw asio_ns::system_error(ec);
    } else if constexpr (Signature::kind == outcome_kind::exception) {
      // An adopted awaitable: its own failures are real and must not be
      // lost, only the abort that corio's cancellation caused is converted.
      if (const std::exception_ptr& error = std::get<0>(values)) {
        if (!(cancel_emitted_ && is_operation_aborted(error))) std::rethrow_exception(error);
        throw cancelled_error();
      }
      if (cancel_emitted_) throw cancelled_error();
    } else {
      if (cancel_emitted_) throw cancelled_error();
    }
    return take_value(values);
  }

 private:
  template <class Tuple>
  result_type take_value(Tuple& values) {
    constexpr std::size_t skip = Signature::kind == outcome_kind::values ? 0 : 1;
    if constexpr (std::is_void_v<result_type>) {
      return;
    } else if constexpr (std::tuple_size_v<Tuple> == skip + 1) {
      return std::move(std::get<skip>(values));
    } else {
      return [&values]<std::size_t... I>(std::index_sequence<I...>) {
        return result_type(std::move(std::get<skip + I>(values))...);
      }(std::make_index_sequence<std::tuple_size_v<Tuple> - skip>());
    }
  }

  void complete(Args... args) {
    outcome_.emplace(std::move(args)...);
    event_loop& loop = driver_->loop();
    if (event_loop::current() == &loop) {
      asio_driver& driver = *driver_;
      loop.abandon_foreign_work();
      loop.schedule(*waiter);
      driver.fiber_woken();  // may resume the waiter, which destroys this
      return;
    }
    // Another thread ran io: hand the completion back to the loop's thread
    // (the loop takes it from there); the frame must not be touched after.
    completed_elsewhere_.store(true, std::memory_order_release);
    asio_driver& driver = *driver_;
    driver.report_foreign_thread();
    loop.complete_from_foreign_thread(*this);
  }

  // Runs on the loop's thread, possibly more than once: emits terminal
  // cancellation once and keeps waiting for the completion.
  static void on_cancel(suspension& s) noexcept {
    asio_op& self = static_cast<asio_op&>(s);
    if (self.cancel_emitted_ || self.completed_elsewhere_.load(std::memory_order_acquire)) return;
    self.cancel_emitted_ = true;
    self.signal_.emit(asio_ns::net::cancellation_type::terminal);
  }

  Initiation& initiation_;
  ArgsTuple& args_;
  const char* operation_;
  asio_driver* driver_ = nullptr;
  inline_cancellation_signal signal_;
  std::optional<std::tuple<Args...>> outcome_;
  std::exception_ptr start_error_;
  std::atomic<bool> completed_elsewhere_{false};
  bool cancel_emitted_ = false;
  bool cancelled_before_start_ = false;
};

// What an initiating function returns for use_task: a task<T> (it converts
// to one, also by deduction, as in with_timeout(d, sock.async_read_some(b,
// use_task))). A class of its own only because clang requires functions
// returning task to be coroutines or marked as wrappers, and Asio's
// initiating functions are neither.
template <class T>
class asio_task : public task<T> {
 public:
  explicit asio_task(task<T>&& t) noexcept : task<T>(std::move(t)) {}
};

// The task of one Asio operation (use_task's async_result, from_asio):
// lazy like every task (the operation starts when the task is awaited),
// holding decayed copies of the initiation and its arguments, as
// use_awaitable does. (The arguments come as one tuple: moved into the
// frame once, not once as parameters and again into a tuple.)
template <class Signature, class Initiation, class... InitArgs, class... Args>
task<typename Signature::result> run_asio_op(const char* operation, std::tuple<Args...>*, Initiation initiation,
                                             std::tuple<InitArgs...> args) {
  co_return co_await asio_op<Signature, Initiation, std::tuple<InitArgs...>, Args...>(initiation, args, operation);
}

// from_asio's operation: co_spawn of the awaitable (or of the callable
// that makes it) with asio_op's handler itself as the completion handler.
// Its executor is from_asio's own, not co_spawn's type-erased copy, so the
// check that it belongs to run_on's io_context costs no type erasure.
template <class Executor, class Spawnable>
class spawn_initiation {
 public:
  spawn_initiation(const Executor& ex, Spawnable spawnable) : ex_(ex), spawnable_(std::move(spawnable)) {}

  Executor get_executor() const noexcept { return ex_; }

  template <class Handler>
  void operator()(Handler&& handler) && {
    asio_ns::net::co_spawn(ex_, std::move(spawnable_), std::forward<Handler>(handler));
  }

 private:
  Executor ex_;
  Spawnable spawnable_;
};

// co_spawn's completion arguments for an awaitable of T.
template <class T>
struct spawn_completion {
  using type = std::tuple<std::exception_ptr, T>;
};
template <>
struct spawn_completion<void> {
  using type = std::tuple<std::exception_ptr>;
};

template <class... Args>
op_signature<Args...> signature_of(std::tuple<Args...>*);

// The task from_asio returns: lazy, as co_spawn with use_awaitable is.
template <class T, class Executor, class Spawnable>
CORIO_CORO_WRAPPER task<T> run_spawn(const Executor& ex, Spawnable spawnable) {
  using completion = typename spawn_completion<T>::type;
  using signature = decltype(signature_of(static_cast<completion*>(nullptr)));
  return run_asio_op<signature>("corio::from_asio", static_cast<completion*>(nullptr),
                                spawn_initiation<Executor, Spawnable>(ex, std::move(spawnable)), std::tuple<>());
}

// asio::async_result for use_task (a completion signature's Args).
template <class... Args>
class task_async_result {
 public:
  using signature = op_signature<std::decay_t<Args>...>;
  using return_type = asio_task<typename signature::result>;

  template <class Initiation, class Token, class... InitArgs>
  static return_type initiate(Initiation&& initiation, Token&&, InitArgs&&... args) {
    return return_type(run_asio_op<signature>("corio::use_task",
                                              static_cast<std::tuple<std::decay_t<Args>...>*>(nullptr),
                                              std::decay_t<Initiation>(std::forward<Initiation>(initiation)),
                                              std::tuple<std::decay_t<InitArgs>...>(std::forward<InitArgs>(args)...)));
  }
};

}  // namespace corio::detail

// asio_driver: an io_context runs a corio loop's ticks as its handlers (corio::run_on).
#pragma once

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "corio/detail/asio_config.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"

namespace corio::detail {

// Installed for the length of one run_on. This thread runs io (one
// io.run(), so Asio's per-thread recycling of handler and frame memory
// lasts the whole run); corio's ticks (due timers, foreign completions,
// ready fibers) run inside io as handlers: inline in the completion handler
// that woke a fiber (as use_awaitable resumes its coroutine there), or as a
// "tick" handler posted when fibers are ready otherwise, or when a timer
// of the driver's own fires at corio's next deadline. So a corio task runs
// inside io's run loop, where io's executor is running_in_this_thread()
// and co_spawn or dispatch start inline. The last tick stops io.
class asio_driver final : public loop_driver {
 public:
  using io_context = asio_ns::net::io_context;

  asio_driver(io_context& io, event_loop& loop, fiber& root)
      : io_(io),
        loop_(loop),
        root_(root),
        work_(io.get_executor()),
        target_(std::make_shared<tick_target>(this, &loop, &io)) {
    slot() = this;
    loop_.set_driver(this);
  }
  ~asio_driver() {
    loop_.set_driver(nullptr);
    target_->driver.store(nullptr, std::memory_order_release);  // handlers still queued in io do nothing
    slot() = nullptr;
  }
  asio_driver(const asio_driver&) = delete;
  asio_driver& operator=(const asio_driver&) = delete;

  // The driver of the corio loop running on this thread; `operation` names
  // the caller in the error otherwise.
  // (Asked once per Asio operation: the errors are built out of line.)
  static asio_driver& running(const char* operation) {
    asio_driver* driver = slot();
    if (driver == nullptr || event_loop::current() != &driver->loop_) refuse(operation);
    return *driver;
  }

  io_context& io() const noexcept { return io_; }
  event_loop& loop() const noexcept { return loop_; }

  // Runs io on this thread until root has finished. io.run() returns early
  // only when it was stopped from outside or a handler threw.
  void run() {
    const event_loop::current_guard guard(loop_);
    loop_.schedule(root_);
    while (!loop_.finished()) {
      if (!tick_posted_ && loop_.has_ready()) post_tick();
      try {
        // NOLINTBEGIN(async-nested-event-loop): run_on's own loop; run_on
        // refuses to start inside a corio loop or inside io, before this.
        if (foreign_thread_seen())
          // Another thread also runs io and may take the handlers meant
          // for this one: run in short slices until everything has unwound.
          io_.run_for(std::chrono::milliseconds(5));
        else
          io_.run();  // the work guard keeps io from running out of work
        // NOLINTEND(async-nested-event-loop)
      } catch (...) {
        handler_failed(std::current_exception());
      }
      after_run();
    }
  }

  // An Asio completion woke a fiber (on the loop's thread, inside io): its
  // tick runs right here, unless this is already inside one.
  void fiber_woken() {
    if (!in_tick_) run_ticks();
  }

  // Posting may fail to allocate; stopping io wakes this thread too, and
  // after_run then tells that stop from one the program asked for.
  void wake() noexcept override {
    try {
      asio_ns::net::post(io_, tick_handler{target_, false});
    } catch (...) {
      woken_by_stop_.store(true, std::memory_order_release);
      io_.stop();
    }
  }

  // Called on a thread that is not the loop's, by a corio completion that
  // io ran there: run_on does not share io with other threads. Stopping io
  // kicks this thread out of io.run() at once; run_on restarts io, cancels
  // every task, lets them unwind and then reports the misuse.
  void report_foreign_thread() noexcept {
    if (!foreign_thread_seen_.exchange(true, std::memory_order_acq_rel)) io_.stop();
  }

  bool stop_seen() const noexcept { return stop_seen_; }
  bool foreign_thread_seen() const noexcept { return foreign_thread_seen_.load(std::memory_order_acquire); }
  std::exception_ptr take_handler_error() noexcept { return std::move(handler_error_); }

 private:
  using time_point = event_loop::time_point;

  // Batches of ready fibers one tick runs before it lets other handlers of
  // io run (it posts the rest), so that neither side can starve the other.
  static constexpr int batches_per_tick = 16;

  // What a handler still queued in io when run_on has returned (or one run
  // by another thread) may touch: never the driver itself then.
  struct tick_target {
    tick_target(asio_driver* d, event_loop* l, io_context* i) noexcept : driver(d), loop(l), io(i) {}
    std::atomic<asio_driver*> driver;
    event_loop* const loop;
    io_context* const io;
    std::atomic<bool> stolen{false};

    // The driver, if this runs on the loop's thread during run_on.
    asio_driver* on_loop_thread() {
      asio_driver* d = driver.load(std::memory_order_acquire);
      if (d == nullptr || event_loop::current() == loop) return d;  // null: run_on has returned
      // Another thread runs io and took this handler: tell the loop's
      // thread, which ticks again and reports the misuse.
      stolen.store(true, std::memory_order_release);
      io->stop();
      return nullptr;
    }
  };

  struct tick_handler {
    std::shared_ptr<tick_target> target;
    bool posted_by_loop;  // the one tick_posted_ stands for, not a wake()
    void operator()() const {
      if (asio_driver* driver = target->on_loop_thread()) driver->run_posted_tick(posted_by_loop);
    }
  };

  struct deadline_handler {
    std::shared_ptr<tick_target> target;
    void operator()(const asio_ns::error_code& ec) const {
      if (ec) return;  // re-armed or destroyed: a newer wait stands for it
      if (asio_driver* driver = target->on_loop_thread()) driver->deadline_reached();
    }
  };

  [[noreturn, gnu::noinline]] static void refuse(const char* operation) {
    event_loop::running(operation);  // no loop at all: that error
    throw std::logic_error(std::string(operation) +
                           ": this corio loop has no io_context (it was started by corio::run); start it with "
                           "corio::run_on(io, main) to use Asio operations in its tasks");
  }

  static asio_driver*& slot() noexcept {
    thread_local asio_driver* driver = nullptr;
    return driver;
  }

  void post_tick() {
    tick_posted_ = true;
    try {
      asio_ns::net::post(io_, tick_handler{target_, true});
    } catch (...) {
      tick_posted_ = false;
      throw;
    }
  }

  void run_posted_tick(bool posted_by_loop) {
    if (posted_by_loop) tick_posted_ = false;
    if (!in_tick_) run_ticks();
  }

  void deadline_reached() {
    deadline_armed_ = false;
    if (!in_tick_) run_ticks();
  }

  void run_ticks() {
    in_tick_ = true;
    bool more = true;
    try {
      for (int batch = 0; more && batch < batches_per_tick; ++batch) more = loop_.tick();
    } catch (...) {
      in_tick_ = false;
      throw;
    }
    in_tick_ = false;
    after_ticks(more);
  }

  // What io must do next for corio: stop (main has finished), tick again,
  // or wake this thread at the next corio deadline.
  void after_ticks(bool more) {
    if (loop_.finished()) {
      stopped_by_driver_ = true;
      io_.stop();  // io.run() returns once this handler has
    } else if (more) {
      if (!tick_posted_) post_tick();
    } else if (loop_.stuck()) {
      loop_.break_deadlock(root_);  // cancels everything (or terminates, as corio::run does)
      if (!tick_posted_) post_tick();
    } else if (loop_.has_timers() && (!deadline_armed_ || loop_.next_due() < armed_deadline_)) {
      armed_deadline_ = loop_.next_due();
      deadline_armed_ = true;
      if (!deadline_timer_) deadline_timer_.emplace(io_);
      deadline_timer_->expires_at(armed_deadline_);  // cancels the earlier wait, if any
      deadline_timer_->async_wait(deadline_handler{target_});
    }
  }

  // An exception escaping an unrelated Asio handler would have left
  // io.run(); here it stops the corio tasks (cancelled, unwound) and
  // run_on rethrows it. Only the first is kept, as io.run() reports one.
  void handler_failed(std::exception_ptr error) noexcept {
    if (!handler_error_) handler_error_ = std::move(error);
    cancel_everything();
  }

  void after_run() {
    if (target_->stolen.exchange(false, std::memory_order_acq_rel)) {
      report_foreign_thread();
      tick_posted_ = false;  // the next round posts another
    }
    if (io_.stopped()) {
      const bool asked =
          !std::exchange(stopped_by_driver_, false) && !woken_by_stop_.exchange(false, std::memory_order_acq_rel);
      if (asked) {
        // Someone called io.stop() (or a foreign thread was seen): the
        // corio tasks cannot wait for Asio any more. Cancel them, and keep
        // io going just long enough for them to unwind; run_on reports it
        // afterwards.
        if (!foreign_thread_seen()) stop_seen_ = true;
        cancel_everything();
      }
      io_.restart();
    }
    if (foreign_thread_seen()) {
      cancel_everything();
      // Foreign completions may wait with no tick posted for them (a wake
      // taken by the other thread): look for them after each slice.
      if (!tick_posted_ && !loop_.finished()) post_tick();
    }
  }

  // Wakes the cancelled fibers; the next round of run() posts their tick.
  void cancel_everything() noexcept {
    if (cancelled_) return;
    cancelled_ = true;
    cancel_tree(root_);
  }

  io_context& io_;
  event_loop& loop_;
  fiber& root_;
  asio_ns::net::executor_work_guard<io_context::executor_type> work_;
  std::shared_ptr<tick_target> target_;
  // Made on first use: an Asio timer starts io's reactor, which then polls
  // between handlers even in a program that has no other I/O.
  std::optional<asio_ns::net::steady_timer> deadline_timer_;
  time_point armed_deadline_{};
  std::exception_ptr handler_error_;
  std::atomic<bool> foreign_thread_seen_{false};
  std::atomic<bool> woken_by_stop_{false};
  bool stop_seen_ = false;
  bool cancelled_ = false;
  bool tick_posted_ = false;
  bool in_tick_ = false;
  bool deadline_armed_ = false;
  bool stopped_by_driver_ = false;
};

}  // namespace corio::detail

// asio_driver: an io_context drives an idle corio loop (corio::run_on).
#pragma once

#include <atomic>
#include <chrono>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "corio/detail/asio_config.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"

namespace corio::detail {

// Installed in the loop for the length of one run_on. Ready fibers, corio
// timers and to_thread completions keep going through the loop itself; the
// driver makes its idle waits run io (so Asio completions, which wake
// fibers, and any other work on io run on this thread in between), and
// turns a foreign completion's wake-up into a handler posted to io.
class asio_driver final : public loop_driver {
 public:
  using io_context = asio_ns::net::io_context;

  asio_driver(io_context& io, event_loop& loop, fiber& root)
      : io_(io), loop_(loop), root_(root), work_(io.get_executor()) {
    slot() = this;
    loop_.set_driver(this);
  }
  ~asio_driver() {
    loop_.set_driver(nullptr);
    slot() = nullptr;
  }
  asio_driver(const asio_driver&) = delete;
  asio_driver& operator=(const asio_driver&) = delete;

  // The driver of the corio loop running on this thread; `operation` names
  // the caller in the error otherwise.
  static asio_driver& running(const char* operation) {
    event_loop& loop = event_loop::running(operation);
    asio_driver* driver = slot();
    if (driver == nullptr || &driver->loop_ != &loop)
      throw std::logic_error(std::string(operation) +
                             ": this corio loop has no io_context (it was started by corio::run); start it with "
                             "corio::run_on(io, main) to use Asio operations in its tasks");
    return *driver;
  }

  io_context& io() const noexcept { return io_; }
  event_loop& loop() const noexcept { return loop_; }

  // Between ticks: ready Asio handlers run, a bounded number per tick so
  // that neither side can starve the other.
  void poll() override {
    try {
      for (int i = 0; i < handlers_per_tick && io_.poll_one() != 0; ++i) {
      }
    } catch (...) {
      handler_failed(std::current_exception());
    }
    after_io();
  }

  // Idle: io runs on this thread until one handler ran (an Asio completion,
  // a wake-up, anything else posted to io) or the next corio timer is due.
  void wait(const time_point* deadline) override {
    try {
      if (foreign_thread_seen_.load(std::memory_order_acquire)) {
        // Another thread also runs io and may take the wake-ups meant for
        // this one: wait in short slices until everything has unwound.
        const time_point slice = std::chrono::steady_clock::now() + std::chrono::milliseconds(5);
        io_.run_one_until(deadline != nullptr && *deadline < slice ? *deadline : slice);
      } else if (deadline != nullptr) {
        io_.run_one_until(*deadline);
      } else {
        io_.run_one();  // the work guard keeps io from running out of work
      }
    } catch (...) {
      handler_failed(std::current_exception());
    }
    after_io();
  }

  // Posting may fail to allocate; stopping io wakes this thread too, and
  // after_io then tells that stop from one the program asked for.
  void wake() noexcept override {
    try {
      asio_ns::net::post(io_, [] {});
    } catch (...) {
      woken_by_stop_.store(true, std::memory_order_release);
      io_.stop();
    }
  }

  // Called on a thread that is not the loop's, by a corio completion that
  // io ran there: run_on does not share io with other threads. Stopping io
  // kicks this thread out of its wait at once; run_on restarts io, cancels
  // every task, lets them unwind and then reports the misuse.
  void report_foreign_thread() noexcept {
    if (!foreign_thread_seen_.exchange(true, std::memory_order_acq_rel)) io_.stop();
  }

  bool stop_seen() const noexcept { return stop_seen_; }
  bool foreign_thread_seen() const noexcept { return foreign_thread_seen_.load(std::memory_order_acquire); }
  std::exception_ptr take_handler_error() noexcept { return std::move(handler_error_); }

 private:
  static constexpr int handlers_per_tick = 64;

  static asio_driver*& slot() noexcept {
    thread_local asio_driver* driver = nullptr;
    return driver;
  }

  // An exception escaping an unrelated Asio handler would have left
  // io.run(); here it stops the corio tasks (cancelled, unwound) and
  // run_on rethrows it. Only the first is kept, as io.run() reports one.
  void handler_failed(std::exception_ptr error) noexcept {
    if (!handler_error_) handler_error_ = std::move(error);
    cancel_everything();
  }

  void after_io() noexcept {
    if (io_.stopped() && woken_by_stop_.exchange(false, std::memory_order_acq_rel)) {
      io_.restart();  // only wake() stopped it
    } else if (io_.stopped()) {
      // Someone called io.stop() (or report_foreign_thread did): the corio
      // tasks cannot wait for Asio any more. Cancel them, and keep io going
      // just long enough for them to unwind; run_on reports it afterwards.
      if (!foreign_thread_seen()) stop_seen_ = true;
      cancel_everything();
      io_.restart();
    }
    if (foreign_thread_seen()) cancel_everything();
  }

  void cancel_everything() noexcept {
    if (cancelled_) return;
    cancelled_ = true;
    cancel_tree(root_);
  }

  io_context& io_;
  event_loop& loop_;
  fiber& root_;
  asio_ns::net::executor_work_guard<io_context::executor_type> work_;
  std::exception_ptr handler_error_;
  std::atomic<bool> foreign_thread_seen_{false};
  std::atomic<bool> woken_by_stop_{false};
  bool stop_seen_ = false;
  bool cancelled_ = false;
};

}  // namespace corio::detail

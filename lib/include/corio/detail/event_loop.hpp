// event_loop: the single-threaded scheduler behind corio::run.
#pragma once

#include <algorithm>
#include <atomic>
#include <cassert>
#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

#include "corio/config.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/intrusive_fifo.hpp"
#include "corio/detail/timer_heap.hpp"

namespace corio::detail {

// A completion posted by another thread. A to_thread worker's node lives in
// the waiting task's frame; the loop wakes `waiter` when it takes the node
// off the queue. A node with `deliver` (a portal's) is handed to it instead,
// on the loop thread.
struct foreign_completion {
  foreign_completion* next = nullptr;
  fiber* waiter = nullptr;
  void (*deliver)(foreign_completion&) noexcept = nullptr;
  foreign_completion*& queue_next() noexcept { return next; }
};

// An outside event source that runs the loop's ticks itself: corio::run_on's
// io_context (corio/asio.hpp). The loop only tells it about foreign work.
class loop_driver {
 public:
  // Any thread, with the loop's foreign lock held: a foreign completion is
  // queued, and a tick must run to take it.
  virtual void wake() noexcept = 0;

 protected:
  ~loop_driver() = default;
};

class event_loop {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  explicit event_loop(bool virtual_time) noexcept
      : virtual_time_(virtual_time), virtual_now_(std::chrono::steady_clock::now()) {}
  event_loop(const event_loop&) = delete;
  event_loop& operator=(const event_loop&) = delete;

  // The loop running on this thread, or nullptr.
  static event_loop* current() noexcept { return slot(); }

  // The running loop; `operation` names the caller in the error otherwise.
  static event_loop& running(const char* operation) {
    event_loop* loop = slot();
    if (loop == nullptr)
      throw std::logic_error(
          std::string(operation) +
          ": no corio event loop is running on this thread; call it from a task started by corio::run");
    return *loop;
  }

  time_point now() const noexcept { return virtual_time_ ? virtual_now_ : std::chrono::steady_clock::now(); }

  fiber& current_fiber() const noexcept { return *running_; }

  // Queues `f` to run in the next tick.
  void schedule(fiber& f) noexcept {
    assert(f.state() != fiber_state::ready && "corio: a fiber was woken twice");
    f.set_state(fiber_state::ready);
    ready_.push(f);
  }

  void add_timer(timer& t) { timers_.push(t); }
  void cancel_timer(timer& t) noexcept {
    if (t.armed()) timers_.remove(t);
  }

  // Foreign work: the loop may not conclude it is idle (or jump virtual
  // time) while a to_thread call is outstanding.
  void begin_foreign_work() noexcept { ++outstanding_foreign_; }
  void abandon_foreign_work() noexcept { --outstanding_foreign_; }

  // An open portal: other threads may send work at any time, so the loop
  // waits for them instead of reporting a deadlock, but virtual time still
  // jumps (nothing is known to be running elsewhere).
  void open_foreign_source() noexcept { ++open_foreign_sources_; }
  void close_foreign_source() noexcept { --open_foreign_sources_; }

  // Called on another thread. The notify happens under the lock: once the
  // lock is released the loop may finish and be destroyed.
  void complete_from_foreign_thread(foreign_completion& done) noexcept {
    std::lock_guard<std::mutex> lock(foreign_mutex_);
    foreign_.push(done);
    foreign_queued_.store(true, std::memory_order_release);
    if (idle_waiting_) foreign_ready_.notify_one();
    if (driver_ != nullptr) driver_->wake();
  }

  // Hands foreign wake-ups to `driver` (nullptr: the loop's own condition variable).
  void set_driver(loop_driver* driver) noexcept {
    std::lock_guard<std::mutex> lock(foreign_mutex_);
    driver_ = driver;
  }

  // Runs fibers until `root` finishes.
  void run(fiber& root) {
    const current_guard guard(*this);
    schedule(root);
    while (!root_finished_) {
      tick();
      if (!root_finished_ && ready_.empty()) wait_for_work(root);
    }
  }

  // One tick: foreign completions and due timers wake their fibers, then the
  // fibers ready now run. True if fibers are ready for the next tick. run()
  // loops over ticks; corio::run_on's driver runs them as io handlers.
  bool tick() {
    // Without a queued completion a tick need not take the lock (Asio
    // operations count as foreign work, so this is every tick under
    // run_on); checked here, inline, as it is false almost every time.
    if (foreign_queued_.load(std::memory_order_acquire)) take_foreign_completions(false);
    fire_due_timers();
    run_ready_fibers();
    return !ready_.empty();
  }

  bool finished() const noexcept { return root_finished_; }
  bool has_ready() const noexcept { return !ready_.empty(); }
  bool has_timers() const noexcept { return !timers_.empty(); }
  time_point next_due() const noexcept { return timers_.next_due(); }  // has_timers() only
  // Nothing ready, and no timer or foreign work that could make anything ready.
  bool stuck() const noexcept {
    return ready_.empty() && timers_.empty() && outstanding_foreign_ == 0 && open_foreign_sources_ == 0;
  }

  // Makes the loop current on this thread (event_loop::current()) for a scope.
  class current_guard {
   public:
    explicit current_guard(event_loop& loop) noexcept { slot() = &loop; }
    ~current_guard() { slot() = nullptr; }
    current_guard(const current_guard&) = delete;
    current_guard& operator=(const current_guard&) = delete;
  };

  void root_finished() noexcept { root_finished_ = true; }

  // The trampoline (CORIO_TASK_TRAMPOLINE): while the loop resumes a fiber,
  // a task-to-task transfer parks the next coroutine here and returns; the
  // loop resumes it, so the stack does not grow with each transfer.
  bool trampolining() const noexcept { return trampolining_; }
  void hand_off(std::coroutine_handle<> next) noexcept { handoff_ = next; }

  // Every fiber is parked and nothing (timer, worker) can wake any of them.
  // Cancel everything so the frames unwind; run() then reports the deadlock.
  void break_deadlock(fiber& root) noexcept {
    if (!deadlocked_) {
      deadlocked_ = true;
      cancel_tree(root);
      if (!ready_.empty()) return;
    }
    std::fputs(
        "corio::run: deadlock: every task is waiting, nothing can wake them, and cancellation cannot "
        "reach them (shielded or non-cancellable waits)\n",
        stderr);
    std::terminate();
  }

  // True if run() had to cancel everything to escape a deadlock.
  bool deadlocked() const noexcept { return deadlocked_; }

  // How often the loop went idle (blocked or jumped time); lets tests prove
  // that a waiting loop sleeps instead of polling.
  std::size_t idle_waits() const noexcept { return idle_waits_; }

 private:
  static event_loop*& slot() noexcept {
    thread_local event_loop* loop = nullptr;
    return loop;
  }

  void run_ready_fibers() noexcept {
    // Fibers made ready while this batch runs wait for the next tick, so
    // timers and foreign completions are looked at between batches.
    intrusive_fifo<fiber> batch = ready_.take_all();
    while (fiber* f = batch.pop()) {
      f->set_state(fiber_state::running);
      running_ = f;
#if CORIO_TASK_TRAMPOLINE
      trampolining_ = true;
      std::coroutine_handle<> next = f->resume_point();
      do {
        next.resume();  // may finish and free f
        next = std::exchange(handoff_, nullptr);
      } while (next);
      trampolining_ = false;
#else
      f->resume_point().resume();  // may finish and free f
#endif
    }
    running_ = nullptr;
  }

  void fire_due_timers() noexcept {
    if (timers_.empty()) return;
    const time_point due = now();
    while (!timers_.empty() && timers_.next_due() <= due) {
      timer& t = timers_.pop();
      t.fire(t);
    }
  }

  void take_foreign_completions(bool wait) {
    intrusive_fifo<foreign_completion> done;
    {
      std::unique_lock<std::mutex> lock(foreign_mutex_);
      if (wait && foreign_.empty()) {
        const auto arrived = [this] { return !foreign_.empty(); };
        idle_waiting_ = true;
        if (virtual_time_ || timers_.empty())
          foreign_ready_.wait(lock, arrived);
        else
          foreign_ready_.wait_until(lock, timers_.next_due(), arrived);
        idle_waiting_ = false;
      }
      done = foreign_.take_all();
      foreign_queued_.store(false, std::memory_order_relaxed);
    }
    while (foreign_completion* completion = done.pop()) {
      if (completion->deliver != nullptr) {
        completion->deliver(*completion);
        continue;
      }
      --outstanding_foreign_;
      schedule(*completion->waiter);
    }
  }

  void wait_for_work(fiber& root) {
    if (timers_.empty() && outstanding_foreign_ == 0 && open_foreign_sources_ == 0) return break_deadlock(root);
    ++idle_waits_;
    if (virtual_time_ && outstanding_foreign_ == 0 && !timers_.empty()) {
      // Autojump: nothing can happen before the next deadline.
      virtual_now_ = std::max(virtual_now_, timers_.next_due());
      return;
    }
    // Virtual time stands still while a worker thread computes.
    take_foreign_completions(true);
  }

  intrusive_fifo<fiber> ready_;
  timer_heap timers_;
  fiber* running_ = nullptr;
  std::size_t outstanding_foreign_ = 0;
  std::size_t open_foreign_sources_ = 0;
  std::size_t idle_waits_ = 0;
  bool virtual_time_;
  bool root_finished_ = false;
  bool deadlocked_ = false;
  bool trampolining_ = false;
  std::coroutine_handle<> handoff_;
  time_point virtual_now_;

  std::mutex foreign_mutex_;
  std::condition_variable foreign_ready_;
  intrusive_fifo<foreign_completion> foreign_;
  std::atomic<bool> foreign_queued_{false};  // lets a tick skip the lock
  bool idle_waiting_ = false;                // a notify is needed (and not a wasted syscall)
  loop_driver* driver_ = nullptr;
};

// Where a task-to-task transfer goes: straight to `next` (symmetric
// transfer), or, with the trampoline, back to the loop, which resumes `next`.
inline std::coroutine_handle<> transfer_to(std::coroutine_handle<> next) noexcept {
#if CORIO_TASK_TRAMPOLINE
  event_loop* loop = event_loop::current();
  if (loop != nullptr && loop->trampolining()) {
    loop->hand_off(next);
    return std::noop_coroutine();
  }
#endif
  return next;
}

}  // namespace corio::detail

// portal_state: what a group shares with the portals handed out for it.
#pragma once

#include <memory>
#include <mutex>
#include <utility>

#include "corio/detail/event_loop.hpp"
#include "corio/detail/intrusive_fifo.hpp"

namespace corio::detail {

class group_core;

// One request sent through a portal. The sender allocates it; the queue
// owns it until the loop runs it, or until it is refused.
class portal_job {
 public:
  portal_job() = default;
  portal_job(const portal_job&) = delete;
  portal_job& operator=(const portal_job&) = delete;
  virtual ~portal_job() = default;

  // On the loop thread; `self` owns this job and run may take it over. An
  // exception fails the group.
  virtual void run(group_core& group, std::unique_ptr<portal_job>& self) = 0;
  // The group ended before the job could run.
  virtual void refuse() noexcept = 0;

  portal_job*& queue_next() noexcept { return next_; }

 private:
  portal_job* next_ = nullptr;
};

// Shared by the group (while it is open) and every copy of its portal. The
// mutex orders each submission against the group's closing: a job accepted
// while the group is open runs before the group closes, and once it has
// closed nothing reaches the loop any more (which may then be gone).
class portal_state : public std::enable_shared_from_this<portal_state>, private foreign_completion {
 public:
  portal_state(event_loop& loop, group_core& group) noexcept : loop_(&loop), group_(&group) {
    deliver = &deliver_on_loop;
  }

  // Any thread. False (and the job untouched) once the group has closed.
  bool submit(std::unique_ptr<portal_job>& job) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (group_ == nullptr) return false;
    jobs_.push(*job.release());
    wake_loop();
    return true;
  }

  // Any thread; nothing once the group has closed.
  void request_cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (group_ == nullptr) return;
    cancel_requested_ = true;
    wake_loop();
  }

  // Loop thread: closes the portal unless submissions are still on their
  // way to the loop (the group then closes after running them).
  bool try_close() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    if (in_loop_queue_ != nullptr) return false;
    group_ = nullptr;
    loop_ = nullptr;
    return true;
  }

  // Loop thread: the group is destroyed without having closed (its frame
  // was torn down). Whatever is queued is refused.
  void abandon() noexcept {
    intrusive_fifo<portal_job> refused;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      group_ = nullptr;
      loop_ = nullptr;
      refused = jobs_.take_all();
    }
    refuse_all(refused);
  }

 private:
  // With the lock held. One node in the loop's queue carries every job sent
  // until the loop takes it; it keeps this state alive while it is there.
  void wake_loop() noexcept {
    if (in_loop_queue_ != nullptr) return;
    in_loop_queue_ = weak_from_this().lock();  // never throws: this state is always owned
    loop_->complete_from_foreign_thread(*this);
  }

  static void refuse_all(intrusive_fifo<portal_job>& jobs) noexcept {
    while (portal_job* job = jobs.pop()) {
      job->refuse();
      delete job;
    }
  }

  static void deliver_on_loop(foreign_completion& node) noexcept;  // group_core.hpp

  std::mutex mutex_;
  event_loop* loop_;
  group_core* group_;  // null once closed
  intrusive_fifo<portal_job> jobs_;
  std::shared_ptr<portal_state> in_loop_queue_;
  bool cancel_requested_ = false;

  friend class group_core;
};

}  // namespace corio::detail

// worker_pool: the threads behind to_thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include "corio/detail/intrusive_fifo.hpp"

namespace corio::detail {

// A unit of work; it lives in the frame of the task that waits for it, so
// submitting allocates nothing.
struct pool_job {
  pool_job* next = nullptr;
  void (*run)(pool_job&) noexcept = nullptr;
  pool_job*& queue_next() noexcept { return next; }
};

// The threads behind to_thread: started on demand, reused, retired after
// idle_timeout without work. The pool itself is unbounded; capacity
// limiters decide how many calls run at once (so no kind of work can take
// every thread from another). One pool per process, shared by every loop.
class worker_pool {
 public:
  static constexpr std::chrono::seconds idle_timeout{10};

  static worker_pool& instance() {
    static worker_pool pool;
    return pool;
  }

  ~worker_pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    work_available_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  // Throws std::system_error only if no thread exists and none can start.
  void submit(pool_job& job) {
    std::unique_lock<std::mutex> lock(mutex_);
    jobs_.push(job);
    ++queued_;
    if (queued_ <= idle_) {
      work_available_.notify_one();
      return;
    }
    try {
      threads_.emplace_back([this] { work(); });
      ++live_;
    } catch (...) {
      // With no worker at all, nobody would ever run the job: withdraw it
      // (it is the only one queued, as every earlier submit started a
      // worker) and let the caller report the error. Otherwise the
      // existing workers will get to it.
      if (live_ == 0) {
        jobs_.take_all();
        --queued_;
        throw;
      }
    }
  }

 private:
  worker_pool() = default;

  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ++idle_;
      const bool woken = work_available_.wait_for(lock, idle_timeout, [this] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty()) {
        if (stopping_) return;  // the destructor joins this thread
        if (woken) continue;
        retire();
        return;
      }
      pool_job& job = *jobs_.pop();
      --queued_;
      lock.unlock();
      job.run(job);  // may complete a task whose frame then goes away
      lock.lock();
    }
  }

  // With the lock held, before stopping_ is set (so the destructor, which
  // joins what is left, never sees this thread).
  void retire() {
    --live_;
    const std::thread::id me = std::this_thread::get_id();
    for (auto it = threads_.begin(); it != threads_.end(); ++it) {
      if (it->get_id() != me) continue;
      // The retiring thread is this one, about to return: nothing joins it.
      it->detach();  // NOLINT(async-detached-task)
      threads_.erase(it);
      return;
    }
  }

  mutable std::mutex mutex_;
  std::condition_variable work_available_;
  intrusive_fifo<pool_job> jobs_;
  std::vector<std::thread> threads_;
  std::size_t live_ = 0;
  std::size_t idle_ = 0;
  std::size_t queued_ = 0;
  bool stopping_ = false;
};

}  // namespace corio::detail

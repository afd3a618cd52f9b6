// worker_pool: the bounded set of threads behind to_thread.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <stdexcept>
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

// Threads are started on demand up to the limit and then reused; jobs
// beyond the limit queue. One pool per process, shared by every loop.
class worker_pool {
 public:
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

  std::size_t max_workers() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return max_workers_;
  }

  // Takes effect for later submissions; surplus idle workers retire.
  void set_max_workers(std::size_t count) {
    if (count == 0) throw std::invalid_argument("corio::set_to_thread_pool_size: the pool needs at least one thread");
    {
      std::lock_guard<std::mutex> lock(mutex_);
      max_workers_ = count;
    }
    work_available_.notify_all();
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
    if (live_ < max_workers_) {
      try {
        threads_.emplace_back([this] { work(); });
        ++live_;
        return;
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
    work_available_.notify_one();
  }

 private:
  worker_pool() : max_workers_(std::max<std::size_t>(4, std::thread::hardware_concurrency())) {}

  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ++idle_;
      work_available_.wait(lock, [this] { return stopping_ || !jobs_.empty() || live_ > max_workers_; });
      --idle_;
      if (stopping_ && jobs_.empty()) return;
      // The limit was lowered: a surplus worker retires even if a job is
      // queued, so the bound holds at once (taking the job would briefly run
      // more jobs than allowed); it passes on the wake-up it may have used.
      if (live_ > max_workers_) {
        --live_;
        if (!jobs_.empty()) work_available_.notify_one();
        return;
      }
      pool_job& job = *jobs_.pop();
      --queued_;
      lock.unlock();
      job.run(job);  // may complete a task whose frame then goes away
      lock.lock();
    }
  }

  mutable std::mutex mutex_;
  std::condition_variable work_available_;
  intrusive_fifo<pool_job> jobs_;
  std::vector<std::thread> threads_;
  std::size_t max_workers_;
  std::size_t live_ = 0;
  std::size_t idle_ = 0;
  std::size_t queued_ = 0;
  bool stopping_ = false;
};

}  // namespace corio::detail

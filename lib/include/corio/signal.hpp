// wait_for_signal: a task waits for POSIX signals.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <fcntl.h>
#include <atomic>
#include <cerrno>
#include <coroutine>
#include <initializer_list>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "corio/config.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/detail/fiber.hpp"
#include "corio/detail/intrusive_list.hpp"
#include "corio/exceptions.hpp"
#include "corio/task.hpp"

namespace corio::detail {

// One wait_for_signal parked on its loop; it lives in the waiting frame.
struct signal_waiter : list_node, foreign_completion {
  event_loop* loop = nullptr;
  const std::vector<int>* signals = nullptr;
  int delivered = 0;
};

// The process-wide side under corio::run. While at least one task waits for
// a signal, corio's handler is installed for it (the previous disposition is
// kept, and restored when the last waiter is gone). The handler only writes
// the signal's number to a pipe (async-signal-safe); a thread of the hub
// reads it and completes every task waiting for that signal, on its loop.
class signal_hub {
 public:
  static signal_hub& instance() {
    static signal_hub hub;
    return hub;
  }

  // Loop thread. Throws std::invalid_argument for a signal that cannot be
  // caught, std::system_error if the handler cannot be installed.
  void add(signal_waiter& w) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::size_t watched = 0;
    try {
      for (int sig : *w.signals) {
        watch(sig);
        ++watched;
      }
    } catch (...) {
      for (std::size_t i = 0; i < watched; ++i) unwatch((*w.signals)[i]);
      throw;
    }
    waiters_.push_back(w);
  }

  // Loop thread: true if `w` was still waiting (it no longer is); false if
  // a signal already completed it.
  bool remove(signal_waiter& w) noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!w.linked()) return false;
    intrusive_list<signal_waiter>::erase(w);
    for (int sig : *w.signals) unwatch(sig);
    return true;
  }

  signal_hub(const signal_hub&) = delete;
  signal_hub& operator=(const signal_hub&) = delete;

 private:
  signal_hub() {
    int fds[2];
    if (::pipe(fds) != 0) throw std::system_error(errno, std::generic_category(), "corio::wait_for_signal: pipe");
    ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    ::fcntl(fds[1], F_SETFL, O_NONBLOCK);  // the handler never blocks; a full pipe already wakes the reader
    read_fd_ = fds[0];
    write_fd().store(fds[1], std::memory_order_release);
    reader_ = std::thread([this] { dispatch(); });
  }

  ~signal_hub() {
    const unsigned char stop = 0;
    while (::write(write_fd().load(), &stop, 1) < 0 && errno == EINTR) {
    }
    reader_.join();
    ::close(read_fd_);
    ::close(write_fd().load());
  }

  // Lock-free, so the handler may read it.
  static std::atomic<int>& write_fd() noexcept {
    static std::atomic<int> fd{-1};
    return fd;
  }

  static void on_signal(int sig) noexcept {
    const int saved_errno = errno;
    const unsigned char number = static_cast<unsigned char>(sig);
    [[maybe_unused]] const ssize_t written = ::write(write_fd().load(std::memory_order_acquire), &number, 1);
    errno = saved_errno;
  }

  void dispatch() {
    for (;;) {
      unsigned char number = 0;
      const ssize_t got = ::read(read_fd_, &number, 1);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0 || number == 0) return;
      deliver(number);
    }
  }

  void deliver(int sig) {
    std::lock_guard<std::mutex> lock(mutex_);
    intrusive_list<signal_waiter> still_waiting;
    while (!waiters_.empty()) {
      signal_waiter& w = waiters_.pop_front();
      bool wanted = false;
      for (int s : *w.signals) wanted = wanted || s == sig;
      if (!wanted) {
        still_waiting.push_back(w);
        continue;
      }
      for (int s : *w.signals) unwatch(s);
      w.delivered = sig;
      w.loop->complete_from_foreign_thread(w);  // the loop stays up: the wait is foreign work
    }
    while (!still_waiting.empty()) waiters_.push_back(still_waiting.pop_front());
  }

  // With the lock held.
  void watch(int sig) {
    if (sig <= 0 || sig >= NSIG)
      throw std::invalid_argument("corio::wait_for_signal: " + std::to_string(sig) + " is not a signal number");
    if (watchers_[sig]++ != 0) return;
    struct sigaction action{};
    action.sa_handler = &on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (::sigaction(sig, &action, &previous_[sig]) != 0) {
      --watchers_[sig];
      throw std::invalid_argument("corio::wait_for_signal: signal " + std::to_string(sig) +
                                  " cannot be caught (SIGKILL and SIGSTOP cannot)");
    }
  }
  void unwatch(int sig) noexcept {
    if (--watchers_[sig] == 0) ::sigaction(sig, &previous_[sig], nullptr);
  }

  std::mutex mutex_;
  intrusive_list<signal_waiter> waiters_;
  int watchers_[NSIG] = {};
  struct sigaction previous_[NSIG] = {};
  int read_fd_ = -1;
  std::thread reader_;
};

class signal_awaiter : private suspension, private signal_waiter {
 public:
  using corio_awaitable = void;
  explicit signal_awaiter(const std::vector<int>& wanted) noexcept : suspension{&on_cancel} { signals = &wanted; }

  bool await_ready() {
    loop = &event_loop::running("corio::wait_for_signal");
    waiter = &loop->current_fiber();
    cancelled_ = waiter->cancellation_pending();
    return cancelled_;
  }
  void await_suspend(std::coroutine_handle<> awaiting) {
    signal_hub::instance().add(*this);  // may throw: the task is not suspended then
    loop->begin_foreign_work();
    waiter->block(awaiting, this);
  }
  int await_resume() const {
    if (cancelled_) throw cancelled_error();
    // A signal came, but the task was cancelled before it could run.
    if (waiter->cancellation_pending()) throw cancelled_error();
    return delivered;
  }

 private:
  // Throws only if locking the hub's mutex fails: terminating is right then.
  static void on_cancel(suspension& s) noexcept {  // NOLINT(bugprone-exception-escape)
    signal_awaiter& self = static_cast<signal_awaiter&>(s);
    if (!signal_hub::instance().remove(self)) return;  // the signal's completion is on its way
    self.cancelled_ = true;
    self.loop->abandon_foreign_work();
    self.loop->schedule(*self.waiter);
  }

  bool cancelled_ = false;
};

// Set by corio/asio.hpp: under corio::run_on, waits go to an Asio
// signal_set on run_on's io_context instead, sharing Asio's signal handling.
struct asio_signal_route {
  bool (*applies)() = nullptr;
  task<int> (*wait)(std::vector<int> signals) = nullptr;
};
inline asio_signal_route& asio_signals() noexcept {
  static asio_signal_route route;
  return route;
}

inline task<int> wait_for_any_signal(std::vector<int> signals) {
  if (signals.empty()) throw std::invalid_argument("corio::wait_for_signal: no signal given");
  const asio_signal_route& asio = asio_signals();
  if (asio.applies != nullptr && asio.applies()) co_return co_await asio.wait(std::move(signals));
  co_return co_await signal_awaiter(signals);
}

}  // namespace corio::detail

namespace corio {

// Waits until one of `signals` arrives and returns it; a cancellation
// point. Every task waiting for a signal gets it. Under corio::run, corio
// handles a signal only while some task waits for it: before and after, the
// previous disposition (default, ignore, another handler) applies again.
// Under corio::run_on, an Asio signal_set on its io_context does the waiting.
CORIO_CORO_WRAPPER inline task<int> wait_for_signal(std::initializer_list<int> signals) {
  return detail::wait_for_any_signal(std::vector<int>(signals));
}

}  // namespace corio

// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs

// cppcoro's files: open() makes a synchronous open(2) before any I/O is
// awaited; the reads and writes themselves are awaited operations.

#include <cppcoro/read_only_file.hpp>
#include <cppcoro/read_write_file.hpp>
#include <cppcoro/task.hpp>
#include <cppcoro/write_only_file.hpp>

cppcoro::task<std::uint64_t> opens(cppcoro::io_service &io) {
  auto in = cppcoro::read_only_file::open(io, "in.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'cppcoro::read_only_file::open' blocks the event loop's thread (file-io), stalling every other task on it [async-blocking-call]
  auto out = cppcoro::write_only_file::open(io, "out.txt", cppcoro::file_open_mode::create_always);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'cppcoro::write_only_file::open' blocks the event loop's thread
  auto both = cppcoro::read_write_file::open(io, "both.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'cppcoro::read_write_file::open' blocks the event loop's thread
  co_return in.size() + out.size() + both.size();
}

// A function of the user's that happens to be named open is not cppcoro's.
struct Door {
  static Door open(int);
};
cppcoro::task<void> opens_a_door() {
  Door::open(1);
  co_return;
}

// Opening outside a coroutine blocks nothing that this check knows of.
cppcoro::read_only_file open_config(cppcoro::io_service &io) {
  return cppcoro::read_only_file::open(io, "config");
}

// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-blocking-call.CheckFileIO: false}}" %s async-blocking-call %t -- -isystem %inputs

// The file-io category: file streams, C stdio, POSIX file descriptors and
// the std::filesystem operations that touch the disk.

#include <boost/asio.hpp>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace net = boost::asio;
namespace fs = std::filesystem;

net::awaitable<void> uses_file_streams(const fs::path &path, std::string line) {
  std::ifstream in("input.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::basic_ifstream' blocks the event loop's thread (file-io), stalling every other task on it [async-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: run it on a worker thread with corio::to_thread
  std::ofstream out(path, std::ios::app);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::basic_ofstream' blocks the event loop's thread
  std::fstream both;
  both.open(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::basic_fstream::open' blocks the event loop's thread
  // Negative: default construction, moves and queries touch no file.
  std::ifstream later;
  std::ifstream moved(std::move(in));
  if (later.is_open() || moved.good())
    co_return;
  co_return;
}

net::awaitable<void> uses_stdio(char *buffer, int size) {
  FILE *file = fopen("data.bin", "rb");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'fopen' blocks the event loop's thread (file-io)
  fread(buffer, 1, size, file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fread' blocks the event loop's thread
  std::fwrite(buffer, 1, size, file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fwrite' blocks the event loop's thread
  fgets(buffer, size, file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fgets' blocks the event loop's thread
  int value = 0;
  std::fscanf(file, "%d", &value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fscanf' blocks the event loop's thread
  fflush(file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fflush' blocks the event loop's thread
  // Negative: formatting into memory touches no file.
  std::snprintf(buffer, size, "%d", value);
  co_return;
}

net::awaitable<void> uses_file_descriptors(char *buffer, int size) {
  int fd = open("data.bin", O_RDWR);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'open' blocks the event loop's thread (file-io)
  read(fd, buffer, size);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' blocks the event loop's thread
  write(fd, buffer, size);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' blocks the event loop's thread
  pread(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pread' blocks the event loop's thread
  pwrite(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pwrite' blocks the event loop's thread
  fsync(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fsync' blocks the event loop's thread
  close(fd);
  co_return;
}

net::awaitable<void> uses_the_filesystem(const fs::path &dir) {
  if (fs::exists(dir / "config"))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::filesystem::exists' blocks the event loop's thread (file-io)
    co_return;
  fs::create_directories(dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::create_directories' blocks the event loop's thread
  auto size = fs::file_size(dir / "data.bin");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::filesystem::file_size' blocks the event loop's thread
  fs::file_status status = fs::status(dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'std::filesystem::status' blocks the event loop's thread
  for (const auto &entry : fs::directory_iterator(dir))
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'std::filesystem::directory_iterator' blocks the event loop's thread
    (void)entry;
  std::error_code ec;
  fs::remove_all(dir, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::remove_all' blocks the event loop's thread
  // Negative: inspecting a file_status or a path touches no disk.
  if (fs::is_directory(status) && size > 0 && dir.filename() == "x")
    co_return;
  fs::path joined = dir / "a" / "b";
  (void)joined.extension();
  co_return;
}

// Negative: an ordinary function may do file I/O.
void ordinary_function() {
  std::ofstream out("log.txt");
  fflush(stdout);
}

// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs

// POSIX calls on descriptors the coroutine shows never wait: sockets made
// non-blocking (SOCK_NONBLOCK, fcntl O_NONBLOCK, ioctl FIONBIO, accept4),
// connect on a datagram socket, MSG_DONTWAIT, wake-up writes to an eventfd
// or a pipe made here; and flushes of the console. The same calls on
// descriptors the coroutine knows nothing of still block. Real glibc headers.

#include <boost/asio.hpp>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace net = boost::asio;

net::awaitable<void> wait_writable(int fd);

net::awaitable<int> connects_without_blocking(const sockaddr_in &addr) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) < 0 &&
      errno == EINPROGRESS)
    co_await wait_writable(fd);
  co_return fd;
}

net::awaitable<int> switched_with_fcntl(const sockaddr_in &addr) {
  int fd;
  fd = socket(AF_INET, SOCK_STREAM, 0);
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
  char byte = 0;
  send(fd, &byte, 1, 0);
  recv(fd, &byte, 1, 0);
  co_return fd;
}

net::awaitable<void> switched_with_ioctl(int listener) {
  int on = 1;
  ioctl(listener, FIONBIO, &on);
  int client = accept(listener, nullptr, nullptr);
  int peer = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
  char byte = 0;
  recv(peer, &byte, 1, 0);
  close(client);
  co_return;
}

// A member descriptor made non-blocking in the same coroutine.
struct Connection {
  int fd_ = -1;
  net::awaitable<void> open(const sockaddr_in &addr) {
    fd_ = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    connect(fd_, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
    co_return;
  }
  // Made non-blocking somewhere else: this coroutine cannot tell.
  net::awaitable<void> reopen(const sockaddr_in &addr) {
    connect(fd_, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'connect' blocks the event loop's thread (network), stalling every other task on it [async-blocking-call]
    co_return;
  }
};

// connect on UDP only records the peer; send and recv on it can still wait.
net::awaitable<void> datagram(const sockaddr_in &addr) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
  char byte = 0;
  recv(fd, &byte, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks the event loop's thread (network)
  recv(fd, &byte, 1, MSG_DONTWAIT);
  sendto(fd, &byte, 1, MSG_DONTWAIT | MSG_NOSIGNAL, nullptr, 0);
  co_return;
}

// Wake-ups: a write to a fresh eventfd or pipe returns at once.
net::awaitable<void> wakes_up_the_poller() {
  int wake = eventfd(0, EFD_CLOEXEC);
  eventfd_t one = 1;
  write(wake, &one, sizeof one);
  int fds[2];
  pipe(fds);
  char byte = 'x';
  write(fds[1], &byte, 1);
  // Reading one blocks until someone writes.
  read(fds[0], &byte, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' blocks the event loop's thread (file-io)
  int quiet = eventfd(0, EFD_NONBLOCK);
  read(quiet, &one, sizeof one);
  co_return;
}

// The same calls on descriptors nothing here describes.
net::awaitable<void> blocks(int fd, int listener, const sockaddr_in &addr) {
  connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'connect' blocks the event loop's thread (network)
  int blocking = socket(AF_INET, SOCK_STREAM, 0);
  connect(blocking, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'connect' blocks the event loop's thread (network)
  // Reading the flags does not change them.
  int flags = fcntl(listener, F_GETFL, 0);
  accept(listener, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'accept' blocks the event loop's thread (network)
  char byte = static_cast<char>(flags);
  write(fd, &byte, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' blocks the event loop's thread (file-io)
  send(fd, &byte, 1, MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' blocks the event loop's thread (network)
  co_return;
}

// Console flushes go with console output; flushing a file writes it out.
net::awaitable<void> flushes(FILE *log) {
  std::printf("progress\n");
  fflush(stdout);
  fflush(stderr);
  fflush(log);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fflush' blocks the event loop's thread (file-io)
  fflush(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fflush' blocks the event loop's thread (file-io)
  co_return;
}

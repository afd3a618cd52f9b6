// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-blocking-call.CheckConsole: false}}" %s async-blocking-call %t -- -isystem %inputs

// The console category: reading standard input, running and waiting for
// child processes.

#include <boost/asio.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace net = boost::asio;

net::awaitable<int> reads_standard_input() {
  int number = 0;
  std::string word, line;
  std::cin >> number;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::cin >>' blocks the event loop's thread (console), stalling every other task on it [async-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: run it on a worker thread with corio::to_thread
  // A chain is one read of the console: one warning.
  std::cin >> word >> number;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::cin >>' blocks the event loop's thread
  std::getline(std::cin, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::getline' blocks the event loop's thread
  int c = std::cin.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::cin.get' blocks the event loop's thread
  std::wstring wide;
  std::wcin >> wide;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::wcin >>' blocks the event loop's thread
  std::scanf("%d", &number);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'scanf' blocks the event loop's thread
  c += getchar();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'getchar' blocks the event loop's thread
  co_return number + c;
}

net::awaitable<int> runs_processes() {
  int status = std::system("make");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'system' blocks the event loop's thread (console)
  FILE *pipe = popen("ls", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'popen' blocks the event loop's thread
  status += pclose(pipe);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'pclose' blocks the event loop's thread
  waitpid(-1, &status, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'waitpid' blocks the event loop's thread
  wait(&status);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'wait' blocks the event loop's thread
  co_return status;
}

// Negative: writing to the console and reading from memory are not flagged.
net::awaitable<int> formats_and_parses(const std::string &text) {
  std::cout << "parsing " << text << '\n';
  std::printf("%s\n", text.c_str());
  std::istringstream in(text);
  int number = 0;
  std::string line;
  in >> number;
  std::getline(in, line);
  co_return number;
}

// Negative: an ordinary function may read the console.
int ordinary_function() {
  int number = 0;
  std::cin >> number;
  return number;
}

// RUN: %check_async --check-suffix=CXX20 %s async-dangling-reference %t -- -isystem %inputs
// RUN: %check_async %s async-dangling-reference %t -- -isystem %inputs -std=c++23

// A generator over a temporary in a range-for: C++20 destroys the temporary
// before the first iteration; C++23 (P2718) keeps it for the whole loop.

#include <cppcoro/generator.hpp>

#include <string>

cppcoro::generator<char> letters(const std::string &text);

int count() {
  int n = 0;
  for (char c : letters(std::string("abc")))
    // CHECK-MESSAGES-CXX20: :[[@LINE-1]]:25: warning: a temporary bound to reference parameter 'text' of coroutine 'letters' is destroyed before the coroutine finishes [async-dangling-reference]
    // CHECK-MESSAGES-CXX20: :[[@LINE-2]]:43: note: the temporary is destroyed here, but the task is stored
    // CHECK-MESSAGES-CXX20: :11:53: note: take the parameter by value
    n += c;
  return n;
}

// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs

// Compile errors near the patterns: no crash, and the findings that can still
// be made are made (clang-tidy applies no fixes to a file with errors).

#include <cppcoro/cppcoro.hpp>

cppcoro::task<> step();

cppcoro::task<> error_in_try_block() {
  try {
    co_await step();
    undeclared_function();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: error: use of undeclared identifier 'undeclared_function' [clang-diagnostic-error]
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'cppcoro::operation_cancelled'
  }
}

cppcoro::task<> unknown_handler_type() {
  try {
    co_await step();
  } catch (const no_such_type &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:18: error: unknown type name 'no_such_type' [clang-diagnostic-error]
  }
}

// The broken co_await is left out of the AST: no suspension point remains.
cppcoro::task<> awaits_undeclared() {
  try {
    co_await no_such_task();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: error: use of undeclared identifier 'no_such_task' [clang-diagnostic-error]
  } catch (const cppcoro::operation_cancelled &) {
  }
}

// Not a coroutine type: Sema builds no coroutine body.
int not_a_task() {
// CHECK-MESSAGES: :[[@LINE-1]]:5: error: this function cannot be a coroutine: 'std::coroutine_traits<int>' has no member named 'promise_type' [clang-diagnostic-error]
  try {
    co_await step();
  } catch (...) {
  }
}

cppcoro::task<> handler_with_return() {
  try {
    co_await step();
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'cppcoro::operation_cancelled'
    return;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: error: non-void function 'handler_with_return' should return a value [clang-diagnostic-return-mismatch]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: error: return statement not allowed in coroutine; did you mean 'co_return'? [clang-diagnostic-error]
  }
}

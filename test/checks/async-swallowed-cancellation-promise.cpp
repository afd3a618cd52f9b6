// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs

#include <coroutine>
#include <cstdio>
#include <exception>

void report_failure();

template <class Self> struct promise_common {
  Self get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() noexcept {}
};

struct empty_handler {
  struct promise_type : promise_common<empty_handler> {
    void unhandled_exception() noexcept {}
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception, so the awaiting code sees a normal completion, even of a cancelled coroutine [async-swallowed-cancellation]
    // CHECK-MESSAGES: :[[@LINE-2]]:10: note: store 'std::current_exception()' and rethrow it on resumption, or rethrow it here
  };
};

// Logging is not keeping.
struct logs_only {
  struct promise_type : promise_common<logs_only> {
    bool failed = false;
    void unhandled_exception() {
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception
      std::puts("coroutine failed");
      failed = true;
    }
  };
};

// Defined out of line; reported once for the class template.
template <class T> struct generic_task {
  struct promise_type : promise_common<generic_task> {
    void unhandled_exception();
  };
};
template <class T> void generic_task<T>::promise_type::unhandled_exception() {}
// CHECK-MESSAGES: :[[@LINE-1]]:56: warning: 'unhandled_exception' drops the exception
template struct generic_task<int>;
template struct generic_task<char>;

// --- Negatives ------------------------------------------------------------------

struct stores {
  struct promise_type : promise_common<stores> {
    std::exception_ptr error;
    void unhandled_exception() noexcept { error = std::current_exception(); }
  };
};

struct rethrows {
  struct promise_type : promise_common<rethrows> {
    void unhandled_exception() { throw; }
  };
};

struct terminates {
  struct promise_type : promise_common<terminates> {
    void unhandled_exception() noexcept { std::terminate(); }
  };
};

// The project's own function may store the exception: not reported.
struct hands_over {
  struct promise_type : promise_common<hands_over> {
    void unhandled_exception() noexcept { report_failure(); }
  };
};

// Declared only: nothing to judge.
struct declared_only {
  struct promise_type : promise_common<declared_only> {
    void unhandled_exception();
  };
};

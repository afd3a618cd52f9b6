// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs

#include <boost/system/system_error.hpp>
#include <cppcoro/cppcoro.hpp>
#include <exception>
#include <stdexcept>

cppcoro::task<int> fetch();
cppcoro::task<> step();
void log(const char *);
void cleanup();
[[noreturn]] void fatal(const char *);

// --- Handlers of the cancellation type itself --------------------------------

cppcoro::task<> exact_falls_off() {
  try {
    co_await fetch();
  } catch (const cppcoro::operation_cancelled &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'cppcoro::operation_cancelled', so the coroutine appears to finish normally [async-swallowed-cancellation]
    log("cancelled");
  }
  // CHECK-FIXES:      } catch (const cppcoro::operation_cancelled &) {
  // CHECK-FIXES-NEXT:   //
  // CHECK-FIXES-NEXT:     log("cancelled");
  // CHECK-FIXES-NEXT:     throw;
  // CHECK-FIXES-NEXT:   }
}

cppcoro::task<> exact_empty_on_one_line() {
  try { co_await step(); } catch (cppcoro::operation_cancelled &) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: handler swallows cancellation 'cppcoro::operation_cancelled'
  // CHECK-FIXES: try { co_await step(); } catch (cppcoro::operation_cancelled &) { throw; }
}

// Rethrows on one branch only: the note points at the end of the other.
cppcoro::task<> exact_rethrows_on_one_branch(bool fatal_only) {
  try {
    co_await step();
  } catch (const cppcoro::operation_cancelled &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    if (fatal_only)
      throw;
    log("cancelled"); // keep going
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: control reaches the end of the handler here without rethrowing the cancellation
  // CHECK-FIXES:      log("cancelled"); // keep going
  // CHECK-FIXES-NEXT:     throw;
  // CHECK-FIXES-NEXT:   }
}

// co_return: no fix, the note says to rethrow.
cppcoro::task<int> exact_co_returns() {
  try {
    co_return co_await fetch();
  } catch (const cppcoro::operation_cancelled &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    co_return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'co_return' leaves the handler without rethrowing the cancellation
  }
}

// A loop that goes on: the note names the jump, and inserting `throw;` at the
// end would not cover it, so there is no fix.
cppcoro::task<> exact_continues(int n) {
  for (int i = 0; i < n; ++i) {
    try {
      co_await step();
    } catch (const cppcoro::operation_cancelled &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler swallows cancellation
      if (i == 0)
        continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: 'continue' leaves the handler without rethrowing the cancellation
      break;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'break' leaves the handler without rethrowing the cancellation
    }
  }
}

cppcoro::task<> exact_goto() {
  try {
    co_await step();
  } catch (const cppcoro::operation_cancelled &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    goto done;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'goto' leaves the handler without rethrowing the cancellation
  }
done:
  log("done");
}

// The inner handler rethrows the cancellation into the outer one.
cppcoro::task<> nested_try() {
  try {
    try {
      co_await step();
    } catch (const cppcoro::operation_cancelled &) {
      log("cancelled");
      throw;
    }
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (...) {
}

// Translating the cancellation loses it (AllowTranslation is false).
cppcoro::task<> exact_translates() {
  try {
    co_await step();
  } catch (const cppcoro::operation_cancelled &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    throw std::runtime_error("stopped");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this throws 'std::runtime_error' in place of the cancellation
  }
}

// --- Bases of the cancellation type and catch (...) --------------------------

cppcoro::task<> base_falls_off() {
  try {
    co_await step();
  } catch (const std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'cppcoro::operation_cancelled'
    log(e.what());
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (const std::exception &e) {
}

cppcoro::task<> catch_all() {
  try {
    co_await step();
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    cleanup();
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (...) {
}

// The body still runs for other errors, so the translation stays for them.
cppcoro::task<> base_translates() {
  try {
    co_await step();
  } catch (const std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    throw std::logic_error(e.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this throws 'std::logic_error' in place of the cancellation
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (const std::exception &e) {
}

// `throw e;` throws a std::exception copy: the cancellation is sliced away.
cppcoro::task<> base_throws_sliced_copy() {
  try {
    co_await step();
  } catch (const std::exception &e) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    log("failed");
    throw e;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this throws a copy of type 'std::exception', which is no longer a 'cppcoro::operation_cancelled'; rethrow with 'throw;'
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (const std::exception &e) {
}

// A catch-all that co_returns a value is a request boundary: the rethrow
// goes in a handler of its own before it.
cppcoro::task<int> base_co_returns() {
  try {
    co_return co_await fetch();
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler returns cancellation 'cppcoro::operation_cancelled' as an error
    co_return 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'co_return' leaves the handler
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (...) {
}

// The suspension point may sit deep inside the try block.
cppcoro::task<> nested_suspension(bool again) {
  try {
    if (again) {
      while (again)
        again = (co_await fetch()) > 0;
    }
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (...) {
}

// A coroutine lambda is a coroutine too.
auto coroutine_lambda = []() -> cppcoro::task<> {
  try {
    co_await step();
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (...) {
};

// An async generator's co_yield cannot throw: its awaiter is noexcept (a
// consumer that stops destroys the generator at the co_yield instead).
cppcoro::async_generator<int> ticks() {
  for (int i = 0;; ++i) {
    try {
      co_yield i;
    } catch (...) {
      co_return;
    }
  }
}

// --- Templates and macros -----------------------------------------------------

// One diagnostic for the template, none per instantiation.
template <class T> cppcoro::task<T> template_coroutine() {
  try {
    co_return co_await fetch();
  } catch (const std::exception &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    log("failed");
  }
  co_return T{};
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (const std::exception &) {
}
template cppcoro::task<int> template_coroutine<int>();
template cppcoro::task<long> template_coroutine<long>();

// A dependent catch type is decided per instantiation, which the check does
// not look at.
template <class E> cppcoro::task<> dependent_handler() {
  try {
    co_await step();
  } catch (const E &) {
  }
}
template cppcoro::task<> dependent_handler<std::exception>();

auto generic_lambda = [](auto awaitable) -> cppcoro::task<> {
  try {
    co_await awaitable;
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
    log("failed");
  }
  // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (...) {
};
auto generic_lambda_use = generic_lambda(step());

// A coroutine lambda in a function template, and a member of a class
// template: one diagnostic each, however often they are instantiated.
template <class T> void spawns_lambda(T value) {
  auto work = [value]() -> cppcoro::task<> {
    try {
      co_await step();
    } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler swallows cancellation
      log("failed");
    }
    // CHECK-FIXES: } catch (const cppcoro::operation_cancelled&) { throw; } catch (...) {
  };
  (void)work;
}
template void spawns_lambda<int>(int);
template void spawns_lambda<double>(double);

template <class T> struct worker {
  cppcoro::task<> run() {
    try {
      co_await step();
    } catch (const cppcoro::operation_cancelled &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler swallows cancellation
      log("stopped");
    }
    // CHECK-FIXES:      log("stopped");
    // CHECK-FIXES-NEXT:       throw;
  }
};
template struct worker<int>;
template struct worker<char>;

// Reported at the expansion; no fix inside a macro.
#define IGNORE_ERRORS catch (...) { log("ignored"); }
cppcoro::task<> handler_from_macro() {
  try {
    co_await step();
  } IGNORE_ERRORS
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation
}

// --- Negatives ----------------------------------------------------------------

cppcoro::task<> rethrows() {
  try {
    co_await step();
  } catch (const cppcoro::operation_cancelled &) {
    log("cancelled");
    throw;
  } catch (const std::exception &e) {
    // Never sees the cancellation: the handler above takes it.
    log(e.what());
  }
}

cppcoro::task<> rethrows_on_every_branch(bool quiet) {
  try {
    co_await step();
  } catch (...) {
    if (quiet)
      throw;
    else {
      log("failed");
      throw;
    }
  }
}

cppcoro::task<> rethrows_the_caught_object() {
  try {
    co_await step();
  } catch (const cppcoro::operation_cancelled &cancelled) {
    throw cancelled;
  }
}

cppcoro::task<> rethrows_current_exception() {
  try {
    co_await step();
  } catch (...) {
    cleanup();
    std::rethrow_exception(std::current_exception());
  }
}

// A handler cannot co_await, so the exception is kept and rethrown after the
// asynchronous cleanup.
cppcoro::task<> rethrows_after_cleanup() {
  std::exception_ptr failure;
  try {
    co_await step();
  } catch (...) {
    failure = std::current_exception();
  }
  co_await step();
  if (failure)
    std::rethrow_exception(failure);
}

cppcoro::task<> does_not_return() {
  try {
    co_await step();
  } catch (...) {
    fatal("unexpected");
  }
  try {
    co_await step();
  } catch (...) {
    std::terminate();
  }
}

// A base handler that tests for the cancellation type first.
cppcoro::task<> tests_dynamic_type() {
  try {
    co_await step();
  } catch (const std::exception &e) {
    if (dynamic_cast<const cppcoro::operation_cancelled *>(&e))
      throw;
    log(e.what());
  }
}

cppcoro::task<> tests_dynamic_type_against_null() {
  try {
    co_await step();
  } catch (const std::exception &e) {
    const auto *cancelled = dynamic_cast<const cppcoro::operation_cancelled *>(&e);
    if (cancelled == nullptr) {
      log(e.what());
      co_return;
    }
    throw;
  }
}

// Handlers that cannot catch the cancellation.
cppcoro::task<> unrelated_handlers() {
  try {
    co_await step();
  } catch (const std::runtime_error &e) {
    log(e.what());
  } catch (const boost::system::system_error &e) {
    // Only Asio coroutines are cancelled with a system_error.
    log(e.what());
  } catch (const std::exception *e) {
    log(e->what());
  }
}

// No suspension point in the try block: no cancellation can arrive there.
cppcoro::task<> no_suspension_in_try() {
  co_await step();
  try {
    cleanup();
  } catch (...) {
  }
}

// The co_await belongs to the nested lambda's own coroutine.
cppcoro::task<> suspension_in_nested_lambda() {
  try {
    auto inner = []() -> cppcoro::task<> { co_await step(); };
    co_await step();
  } catch (...) {
    throw;
  }
  try {
    auto inner = []() -> cppcoro::task<> { co_await step(); };
    (void)inner;
  } catch (...) {
  }
}

// A non-coroutine lambda in a coroutine has its own try statements.
cppcoro::task<> handler_in_plain_lambda() {
  auto plain = [] {
    try {
      cleanup();
    } catch (...) {
    }
  };
  plain();
  co_await step();
}

// Ordinary functions are not cancelled at all.
void ordinary_function() {
  try {
    cppcoro::sync_wait(fetch());
  } catch (...) {
  }
}

// Synchronous generators never have anything thrown in at co_yield.
cppcoro::generator<int> numbers() {
  try {
    co_yield 1;
  } catch (...) {
  }
}

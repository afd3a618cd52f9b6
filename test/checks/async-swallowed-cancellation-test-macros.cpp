// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs -I %inputs/vendored --no-system-header-prefix=gtest/ -DUSE_CATCH2
// RUN: %check_async %s async-swallowed-cancellation %t -- -isystem %inputs -I %inputs/vendored --no-system-header-prefix=gtest/ -DUSE_DOCTEST

// The try/catch blocks a test framework's assertion macros expand to are
// its scaffolding: they report what they catch as the test's outcome. A
// handler the user writes inside a macro argument is still the user's.
// GoogleTest is Debian's real gtest.h; Catch2 and doctest are mocks of
// their macro chains (CHECK_THROWS_AS is spelled alike in both). All three
// are read as project headers, as when a project vendors them: a system
// header's macros are never reported.

#include <folly/OperationCancelled.h>
#include <folly/coro/Task.h>
#include <gtest/gtest.h>
#include <stdexcept>
#ifdef USE_CATCH2
#include <catch2/catch_test_macros.hpp>
#else
#include <doctest/doctest.h>
#endif

folly::coro::Task<int> fetch();
void log(const char *);

folly::coro::Task<void> gtest_assertions() {
  EXPECT_THROW(co_await fetch(), std::runtime_error);
  EXPECT_ANY_THROW(co_await fetch());
  EXPECT_NO_THROW(co_await fetch());
}

folly::coro::Task<void> throws_as() {
  CHECK_THROWS_AS(co_await fetch(), std::runtime_error);
}

#ifdef USE_CATCH2
// REQUIRE's own handler records an unexpected exception as a failure.
folly::coro::Task<void> catch2_require() { REQUIRE(co_await fetch() == 1); }
#endif

// Positives: the user's own handlers, in a macro argument and outside.
folly::coro::Task<void> users_handler_in_an_argument() {
  EXPECT_NO_THROW(try { co_await fetch(); } catch (const std::exception &e) { log(e.what()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: handler swallows cancellation 'folly::OperationCancelled'
}

folly::coro::Task<void> users_handler() {
  try {
    co_await fetch();
  } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler swallows cancellation 'folly::OperationCancelled'
  }
  // CHECK-FIXES: } catch (const folly::OperationCancelled&) { throw; } catch (...) {
}

// Semantic 5: with_timeout, with_deadline, move_on_after.
#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

task<int> value_after(std::chrono::nanoseconds delay, int value) {
  co_await corio::sleep_for(delay);
  co_return value;
}

// Records whether it saw cancelled_error, and how long its cleanup took.
task<void> observed_sleep(std::chrono::nanoseconds duration, bool& saw_cancelled) {
  try {
    co_await corio::sleep_for(duration);
  } catch (const corio::cancelled_error&) {
    saw_cancelled = true;
    throw;
  }
}

TEST(Timeout, ReturnsTheValueWhenTheTaskIsFaster) {
  EXPECT_EQ(run_virtual([]() -> task<int> { co_return co_await corio::with_timeout(2s, value_after(1s, 3)); }), 3);
}

// On expiry: cancel, wait for the task to unwind, then throw timeout_error.
TEST(Timeout, ThrowsTimeoutErrorAfterTheTaskUnwound) {
  bool cleanup_done = false;
  std::chrono::nanoseconds thrown_at{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    try {
      co_await corio::with_timeout(2s, [](bool& cleaned) -> task<void> {
        try {
          co_await corio::sleep_for(1h);
        } catch (const corio::cancelled_error&) {  // NOLINT(async-swallowed-cancellation,bugprone-empty-catch): rethrown after the cleanup
        }
        co_await corio::shielded(corio::sleep_for(1s));  // async cleanup (no co_await in a handler)
        cleaned = true;
        throw corio::cancelled_error();
      }(cleanup_done));
    } catch (const corio::timeout_error&) {
      thrown_at = since(start);
    }
  });
  EXPECT_TRUE(cleanup_done);
  EXPECT_EQ(thrown_at, 3s);
}

TEST(Timeout, OuterExpiringFirstMakesInnerSeeCancelledAndOuterThrowTimeout) {
  bool inner_saw_cancelled = false;
  bool inner_saw_timeout = false;
  EXPECT_THROW(run_virtual([&]() -> task<void> {
                 co_await corio::with_timeout(1s, [](bool& cancelled, bool& timed_out) -> task<void> {
                   try {
                     co_await corio::with_timeout(5s, corio::sleep_for(1h));
                   } catch (const corio::cancelled_error&) {
                     cancelled = true;
                     throw;
                   } catch (const corio::timeout_error&) {
                     timed_out = true;
                     throw;
                   }
                 }(inner_saw_cancelled, inner_saw_timeout));
               }),
               corio::timeout_error);
  EXPECT_TRUE(inner_saw_cancelled);
  EXPECT_FALSE(inner_saw_timeout);
}

TEST(Timeout, InnerExpiringFirstOnlyAffectsTheInnerScope) {
  const int outcome = run_virtual([]() -> task<int> {
    co_return co_await corio::with_timeout(5s, []() -> task<int> {
      bool timed_out = false;
      try {
        co_await corio::with_timeout(1s, corio::sleep_for(1h));
      } catch (const corio::timeout_error&) {
        timed_out = true;
      }
      co_await corio::sleep_for(1s);  // the outer scope is not cancelled
      co_return timed_out ? 1 : 0;
    }());
  });
  EXPECT_EQ(outcome, 1);
}

TEST(Timeout, ZeroTimeoutCancelsAtTheFirstSuspensionPoint) {
  int steps = 0;
  EXPECT_THROW(run_virtual([&]() -> task<void> {
                 co_await corio::with_timeout(0s, [](int& counter) -> task<void> {
                   ++counter;  // runs: no suspension point yet
                   co_await corio::yield();
                   ++counter;
                 }(steps));
               }),
               corio::timeout_error);
  EXPECT_EQ(steps, 1);
}

TEST(Timeout, PastDeadlineCancelsAtTheFirstSuspensionPoint) {
  EXPECT_THROW(run_virtual([]() -> task<void> {
                 co_await corio::with_deadline(corio::now() - 1s, corio::sleep_for(1s));
               }),
               corio::timeout_error);
}

TEST(Timeout, ZeroTimeoutWithoutSuspensionReturnsTheValue) {
  EXPECT_EQ(run_virtual([]() -> task<int> {
              co_return co_await corio::with_timeout(0s, []() -> task<int> { co_return 4; }());
            }),
            4);
}

// A task finishing in the same tick as its deadline returns its value.
TEST(Timeout, CompletingInTheDeadlineTickReturnsTheValue) {
  EXPECT_EQ(run_virtual([]() -> task<int> { co_return co_await corio::with_timeout(1s, value_after(1s, 9)); }), 9);
}

TEST(Timeout, WithDeadlineUsesAnAbsoluteTime) {
  std::chrono::nanoseconds elapsed{};
  EXPECT_THROW(run_virtual([&]() -> task<void> {
                 const corio::steady_time start = corio::now();
                 co_await corio::sleep_for(1s);
                 try {
                   co_await corio::with_deadline(start + 3s, corio::sleep_for(1h));
                 } catch (...) {
                   elapsed = since(start);
                   throw;
                 }
               }),
               corio::timeout_error);
  EXPECT_EQ(elapsed, 3s);
}

TEST(Timeout, OnlyItsOwnExpiryBecomesTimeoutError) {
  bool saw_cancelled = false;
  EXPECT_NO_THROW(run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](task_group& group) -> task<void> {
        co_await corio::sleep_for(1s);
        group.cancel();
      }(g));
      co_await corio::with_timeout(1h, observed_sleep(2h, saw_cancelled));
    });
  }));
  EXPECT_TRUE(saw_cancelled);
}

TEST(Timeout, HugeTimeoutsDoNotOverflow) {
  EXPECT_EQ(run_virtual([]() -> task<int> {
              co_return co_await corio::with_timeout(std::chrono::nanoseconds::max(), value_after(1s, 6));
            }),
            6);
}

TEST(MoveOnAfter, ReturnsEmptyOnExpiry) {
  bool saw_cancelled = false;
  const auto outcome = run_virtual([&]() -> task<std::optional<int>> {
    co_return co_await corio::move_on_after(1s, [](bool& cancelled) -> task<int> {
      co_await observed_sleep(1h, cancelled);
      co_return 1;
    }(saw_cancelled));
  });
  EXPECT_FALSE(outcome.has_value());
  EXPECT_TRUE(saw_cancelled);
}

TEST(MoveOnAfter, ReturnsTheValueWhenTheTaskIsFaster) {
  const auto outcome =
      run_virtual([]() -> task<std::optional<int>> { co_return co_await corio::move_on_after(2s, value_after(1s, 2)); });
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(*outcome, 2);
}

TEST(MoveOnAfter, VoidTaskReportsCompletionAsBool) {
  const auto outcome = run_virtual([]() -> task<std::pair<bool, bool>> {
    const bool fast = co_await corio::move_on_after(2s, corio::sleep_for(1s));
    const bool slow = co_await corio::move_on_after(2s, corio::sleep_for(3s));
    co_return std::pair{fast, slow};
  });
  EXPECT_TRUE(outcome.first);
  EXPECT_FALSE(outcome.second);
}

TEST(MoveOnAfter, LetsFailuresThrough) {
  EXPECT_THROW(run_virtual([]() -> task<void> {
                 co_await corio::move_on_after(1s, []() -> task<int> {
                   throw failure(1);
                   co_return 0;
                 }());
               }),
               failure);
}

}  // namespace
}  // namespace corio_test

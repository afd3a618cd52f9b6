// Semantics 3 (level-triggered cancellation, shielded) and 6 (cleanup).
#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

// Semantic 3: after its scope is cancelled, every suspension point of a task
// throws again; catching cancelled_error cannot escape the cancellation.
TEST(Cancellation, IsLevelTriggered) {
  int cancelled_points = 0;
  run_virtual([&]() -> task<void> {
    corio::event never;
    corio::semaphore none(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.cancel();
      auto count_cancelled = [&](task<void> suspension_point) -> task<void> {
        try {
          co_await std::move(suspension_point);
        } catch (const corio::cancelled_error&) {  // NOLINT(async-swallowed-cancellation): counting each raise is the point
          ++cancelled_points;
        }
      };
      co_await count_cancelled(corio::sleep_for(1s));
      co_await count_cancelled(corio::yield());
      co_await count_cancelled(never.wait());
      co_await count_cancelled(none.acquire());
      co_await count_cancelled(corio::sleep_for(0s));
      co_await corio::sleep_for(1s);  // and it keeps throwing
      ADD_FAILURE() << "unreachable: the scope is still cancelled";
    });
  });
  EXPECT_EQ(cancelled_points, 5);
}

TEST(Cancellation, OnlyHappensAtSuspensionPoints) {
  int steps = 0;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.cancel();
      for (int i = 0; i < 3; ++i) ++steps;  // no suspension point: runs to the end
      co_return;
    });
  });
  EXPECT_EQ(steps, 3);
}

TEST(Cancellation, ShieldedAwaitsDuringCancellation) {
  std::chrono::nanoseconds shielded_time{};
  bool cancelled_after = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.cancel();
      const corio::steady_time start = corio::now();
      co_await corio::shielded(corio::sleep_for(5s));
      shielded_time = since(start);
      try {
        co_await corio::yield();
      } catch (const corio::cancelled_error&) {
        cancelled_after = true;  // the outer cancellation is still there
        throw;
      }
    });
  });
  EXPECT_EQ(shielded_time, 5s);
  EXPECT_TRUE(cancelled_after);
}

TEST(Cancellation, ShieldKeepsOutALaterCancellation) {
  std::chrono::nanoseconds elapsed{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](task_group& group) -> task<void> {
        co_await corio::sleep_for(1s);
        group.cancel();
      }(g));
      co_await corio::shielded(corio::sleep_for(3s));
    });
    elapsed = since(start);
  });
  EXPECT_EQ(elapsed, 3s);
}

TEST(Cancellation, TimeoutsStillWorkInsideAShield) {
  bool timed_out = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.cancel();
      try {
        co_await corio::shielded(corio::with_timeout(1s, corio::sleep_for(1h)));
      } catch (const corio::timeout_error&) {
        timed_out = true;
      }
    });
  });
  EXPECT_TRUE(timed_out);
}

task<void> nested_sleeper(tracked) {
  tracked local;
  co_await corio::sleep_for(1h);
}

task<void> owner_of_nested(tracked) {
  tracked local;
  co_await nested_sleeper(tracked{});
}

// Semantic 6: locals of cancelled tasks are destroyed, every frame exactly
// once (ASan/LSan catch double frees and leaks on top of the counts).
TEST(Cancellation, DestroysLocalsAndFramesExactlyOnce) {
  tracked::reset();
  run_virtual([]() -> task<void> {
    co_await with_task_group([](task_group& g) -> task<void> {
      for (int i = 0; i < 10; ++i) g.spawn(owner_of_nested(tracked{}));
      auto kept = g.spawn(owner_of_nested(tracked{}));
      co_await corio::sleep_for(1s);
      EXPECT_GE(tracked::live, 11 * 4);  // at least two frame parameters and two locals per child
      g.cancel();
    });
    EXPECT_EQ(tracked::live, 0);
  });
  EXPECT_EQ(tracked::live, 0);
  EXPECT_GE(tracked::destroyed, 11 * 4);
}

}  // namespace
}  // namespace corio_test

// finally(body, cleanup): async cleanup however the body ends (issue 20, item 8).
#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

task<int> value_after(std::chrono::nanoseconds delay, int value) {
  co_await corio::sleep_for(delay);
  co_return value;
}

task<int> fail_after(std::chrono::nanoseconds delay, int id) {
  co_await corio::sleep_for(delay);
  throw failure(id);
}

TEST(Finally, CleanupRunsAfterAReturnAndTheValueComesThrough) {
  std::vector<std::string> log;
  const int value = run_virtual([&]() -> task<int> {
    co_return co_await corio::finally(value_after(1s, 42), [&]() -> task<> {
      co_await corio::sleep_for(1s);  // a cleanup may suspend
      log.emplace_back("cleanup");
    });
  });
  EXPECT_EQ(value, 42);
  EXPECT_EQ(log, std::vector<std::string>{"cleanup"});
}

TEST(Finally, CleanupRunsAfterAFailureAndTheFailureIsRethrown) {
  bool cleaned_up = false;
  EXPECT_THROW(run_virtual([&]() -> task<int> {
                 co_return co_await corio::finally(fail_after(1s, 3), [&]() -> task<> {
                   cleaned_up = true;
                   co_return;
                 });
               }),
               failure);
  EXPECT_TRUE(cleaned_up);
}

// The body is cancelled by a timeout: the cleanup still runs, and can even
// sleep (it is shielded); the timeout then fires as usual.
TEST(Finally, CleanupRunsShieldedWhenTheBodyIsCancelled) {
  bool cleaned_up = false;
  std::chrono::nanoseconds elapsed{};
  EXPECT_THROW(run_virtual([&]() -> task<void> {
                 const corio::steady_time start = corio::now();
                 try {
                   co_await corio::with_timeout(1s, corio::finally(corio::sleep_for(1h), [&]() -> task<> {
                                                  co_await corio::sleep_for(5s);
                                                  cleaned_up = true;
                                                }));
                 } catch (...) {
                   elapsed = since(start);
                   throw;
                 }
               }),
               corio::timeout_error);
  EXPECT_TRUE(cleaned_up);
  EXPECT_EQ(elapsed, 6s);
}

TEST(Finally, ACleanupFailureJoinsTheBodysInAnExceptionGroup) {
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await corio::finally(fail_after(1s, 1), []() -> task<> {
        co_await corio::yield();
        throw failure(2);
      });
    } catch (const corio::exception_group& eg) {
      ids = failure_ids(eg);
    }
  });
  EXPECT_EQ(ids, (std::vector<int>{1, 2}));
}

TEST(Finally, ACleanupFailureAfterAReturnIsRethrown) {
  EXPECT_THROW(run_virtual([]() -> task<int> {
                 co_return co_await corio::finally(value_after(0s, 1), []() -> task<> {
                   co_await corio::yield();
                   throw failure(2);
                 });
               }),
               failure);
}

// Cancelled body, failing cleanup: the cleanup's failure, not a group with a
// cancelled_error inside; the group it runs in reports that failure once.
TEST(Finally, ACleanupFailureAfterACancellationReplacesTheCancellation) {
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([](task_group& g) -> task<void> {
        g.spawn(fail_after(1s, 1));
        co_await corio::finally(corio::sleep_for(1h), []() -> task<> {
          co_await corio::yield();
          throw failure(2);
        });
      });
    } catch (const corio::exception_group& eg) {
      ids = failure_ids(eg);
    }
  });
  EXPECT_EQ(ids, (std::vector<int>{1, 2}));
}

// The cleanup callable lives in finally's frame: a capturing coroutine lambda
// whose original is gone by the time it runs is safe. (Made in a plain
// function: g++ 12 destroys a closure temporary inside a co_await
// expression twice; see docs/runtime.md, Lifetimes.)
TEST(Finally, TheCleanupCallableLivesUntilItHasRun) {
  tracked::reset();
  int seen = 0;
  run_virtual([&]() -> task<void> {
    task<void> guarded = [&seen] {
      auto cleanup = [&seen, keep = tracked{}]() -> task<> {
        co_await corio::sleep_for(1s);
        seen = tracked::live;
      };
      return corio::finally(corio::sleep_for(1s), std::move(cleanup));
    }();
    co_await std::move(guarded);
  });
  EXPECT_EQ(seen, 1);  // only finally's copy is left
  EXPECT_EQ(tracked::live, 0);
}

}  // namespace
}  // namespace corio_test

// run(), the clocks, sleeping and yielding.
#include <thread>

#include "test_support.hpp"

namespace corio_test {
namespace {

TEST(Run, ReturnsTheValueOfMain) {
  EXPECT_EQ(corio::run([]() -> task<int> { co_return 5; }()), 5);
}

TEST(Run, RethrowsTheExceptionOfMain) {
  EXPECT_THROW(corio::run([]() -> task<void> {
                 throw failure(1);
                 co_return;
               }()),
               failure);
}

TEST(Run, InsideARunningLoopIsALogicError) {
  std::string message;
  run_virtual([&]() -> task<void> {
    try {
      corio::run([]() -> task<int> { co_return 1; }());  // NOLINT(async-nested-event-loop): the misuse under test
    } catch (const std::logic_error& e) {
      message = e.what();
    }
    co_return;
  });
  EXPECT_NE(message.find("already running"), std::string::npos) << message;
}

TEST(Run, OfAMovedFromTaskIsALogicError) {
  task<int> t = []() -> task<int> { co_return 1; }();
  task<int> taken = std::move(t);
  EXPECT_THROW(corio::run(std::move(t)), std::logic_error);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(corio::run(std::move(taken)), 1);
}

TEST(Run, CanRunOneLoopAfterAnother) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(run_virtual([i]() -> task<int> { co_return i; }), i);
}

TEST(Run, ReportsADeadlockAfterUnwindingEveryTask) {
  tracked::reset();
  EXPECT_THROW(run_virtual([]() -> task<void> {
                 corio::event never;
                 tracked local;
                 co_await never.wait();
               }),
               std::logic_error);
  EXPECT_EQ(tracked::live, 0);
}

TEST(Clock, VirtualTimeJumpsToTheNextTimer) {
  const auto wall_start = std::chrono::steady_clock::now();
  const auto slept = run_virtual([]() -> task<std::chrono::nanoseconds> {
    const corio::steady_time start = corio::now();
    co_await corio::sleep_for(1h);
    co_await corio::sleep_until(corio::now() + 30min);
    co_return since(start);
  });
  EXPECT_EQ(slept, 90min);
  EXPECT_LT(std::chrono::steady_clock::now() - wall_start, 5s);
}

TEST(Clock, VirtualTimeStartsAtTheRealNowAndNeverGoesBack) {
  const auto before = std::chrono::steady_clock::now();
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    EXPECT_GE(start, before);
    co_await corio::sleep_until(start - 1h);  // in the past: no jump backwards
    EXPECT_GE(corio::now(), start);
  });
}

TEST(Clock, RealTimeSleepsForReal) {
  const auto wall_start = std::chrono::steady_clock::now();
  corio::run([]() -> task<void> { co_await corio::sleep_for(20ms); }());
  EXPECT_GE(std::chrono::steady_clock::now() - wall_start, 20ms);
}

TEST(Clock, NowOutsideALoopIsALogicError) { EXPECT_THROW(corio::now(), std::logic_error); }

TEST(Yield, LetsEveryOtherReadyTaskRunFirst) {
  std::vector<int> order;
  run_virtual([&]() -> task<void> {
    auto step = [&](int id) -> task<void> {
      order.push_back(id);
      co_await corio::yield();
      order.push_back(id + 10);
    };
    co_await corio::with_task_group([&](corio::task_group& g) -> task<void> {
      g.spawn(step(1));
      g.spawn(step(2));
      co_return;
    });
  });
  EXPECT_EQ(order, (std::vector<int>{1, 2, 11, 12}));
}

}  // namespace
}  // namespace corio_test

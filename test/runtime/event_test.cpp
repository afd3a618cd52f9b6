// event: set, clear, wait.
#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

task<void> wait_and_record(corio::event& ev, std::vector<std::chrono::nanoseconds>& woke, corio::steady_time start) {
  co_await ev.wait();
  woke.push_back(since(start));
}

TEST(Event, SetWakesEveryWaiter) {
  std::vector<std::chrono::nanoseconds> woke;
  run_virtual([&]() -> task<void> {
    corio::event ev;
    const corio::steady_time start = corio::now();
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int i = 0; i < 3; ++i) g.spawn(wait_and_record(ev, woke, start));
      co_await corio::sleep_for(2s);
      EXPECT_FALSE(ev.is_set());
      ev.set();
      EXPECT_TRUE(ev.is_set());
    });
  });
  EXPECT_EQ(woke, (std::vector<std::chrono::nanoseconds>(3, 2s)));
}

TEST(Event, WaitOnASetEventReturnsAtOnceUntilCleared) {
  const bool blocked_after_clear = run_virtual([]() -> task<bool> {
    corio::event ev;
    ev.set();
    co_await ev.wait();
    ev.clear();
    EXPECT_FALSE(ev.is_set());
    co_return !co_await corio::move_on_after(1s, ev.wait());
  });
  EXPECT_TRUE(blocked_after_clear);
}

TEST(Event, WaitIsACancellationPoint) {
  bool cancelled = false;
  run_virtual([&]() -> task<void> {
    corio::event ev;
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](corio::event& e, bool& was_cancelled) -> task<void> {
        try {
          co_await e.wait();
        } catch (const corio::cancelled_error&) {
          was_cancelled = true;
          throw;
        }
      }(ev, cancelled));
      co_await corio::sleep_for(1s);
      g.cancel();
    });
    ev.set();  // the cancelled waiter left the queue: nothing to wake
  });
  EXPECT_TRUE(cancelled);
}

}  // namespace
}  // namespace corio_test

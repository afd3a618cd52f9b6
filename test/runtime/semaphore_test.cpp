// semaphore: fairness, bounds, cancellation while queued, permits.
#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

task<void> hold_for(corio::semaphore& sem, std::chrono::nanoseconds duration, std::vector<int>& order, int id) {
  auto permit = co_await sem.hold();
  order.push_back(id);
  co_await corio::sleep_for(duration);
}

TEST(Semaphore, LimitsConcurrencyAndIsFifoFair) {
  std::vector<int> order;
  std::chrono::nanoseconds elapsed{};
  ptrdiff_t available_after = -1;
  run_virtual([&]() -> task<void> {
    corio::semaphore sem(2);
    const corio::steady_time start = corio::now();
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int id = 1; id <= 6; ++id) g.spawn(hold_for(sem, 1s, order, id));
      co_return;
    });
    elapsed = since(start);
    available_after = sem.available();
  });
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(elapsed, 3s);  // 6 holders, 2 at a time, 1s each
  EXPECT_EQ(available_after, 2);
}

TEST(Semaphore, TryAcquireTakesOnlyFreePermits) {
  run_virtual([]() -> task<void> {
    corio::semaphore sem(2);
    EXPECT_TRUE(sem.try_acquire());
    EXPECT_TRUE(sem.try_acquire());
    EXPECT_FALSE(sem.try_acquire());
    EXPECT_EQ(sem.available(), 0);
    sem.release();
    EXPECT_EQ(sem.available(), 1);
    sem.release();
    co_return;
  });
}

TEST(Semaphore, TryAcquireDoesNotOvertakeQueuedWaiters) {
  bool overtook = true;
  run_virtual([&]() -> task<void> {
    corio::semaphore sem(1);
    co_await sem.acquire();
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn(sem.acquire());  // queues
      co_await corio::yield();
      sem.release();             // handed straight to the queued waiter
      overtook = sem.try_acquire();
    });
    sem.release();
  });
  EXPECT_FALSE(overtook);
}

TEST(Semaphore, ReleaseBeyondTheInitialCountIsALogicError) {
  std::string message;
  run_virtual([&]() -> task<void> {
    corio::semaphore sem(1);
    try {
      sem.release();
    } catch (const std::logic_error& e) {
      message = e.what();
    }
    co_return;
  });
  EXPECT_NE(message.find("initial value of 1"), std::string::npos) << message;
  EXPECT_THROW(corio::semaphore(-1), std::invalid_argument);
}

TEST(Semaphore, WaiterCancelledWhileQueuedLeavesWithoutAPermit) {
  std::vector<int> order;
  bool timed_out = false;
  ptrdiff_t available_after = -1;
  run_virtual([&]() -> task<void> {
    corio::semaphore sem(1);
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn(hold_for(sem, 2s, order, 1));
      g.spawn([](corio::semaphore& s, std::vector<int>& o, bool& expired) -> task<void> {
        co_await corio::sleep_for(1ms);  // queue behind the holder
        expired = !co_await corio::move_on_after(1s, hold_for(s, 1s, o, 2));
      }(sem, order, timed_out));
      g.spawn([](corio::semaphore& s, std::vector<int>& o) -> task<void> {
        co_await corio::sleep_for(2ms);
        co_await hold_for(s, 1s, o, 3);
      }(sem, order));
      co_return;
    });
    available_after = sem.available();
  });
  EXPECT_TRUE(timed_out);
  EXPECT_EQ(order, (std::vector<int>{1, 3}));
  EXPECT_EQ(available_after, 1);
}

// A permit handed to a waiter that is cancelled in the same tick goes on to
// the next waiter instead of being lost.
TEST(Semaphore, PermitOfAWaiterCancelledInTheSameTickIsPassedOn) {
  bool first_cancelled = false;
  bool second_acquired = false;
  ptrdiff_t available_after = -1;
  run_virtual([&]() -> task<void> {
    corio::semaphore sem(1);
    co_await sem.acquire();
    co_await with_task_group([&](task_group& g) -> task<void> {
      auto first = g.spawn([](corio::semaphore& s, bool& cancelled) -> task<void> {
        try {
          co_await s.acquire();
        } catch (const corio::cancelled_error&) {
          cancelled = true;
          throw;
        }
        ADD_FAILURE() << "the first waiter must not keep the permit";
        s.release();
      }(sem, first_cancelled));
      g.spawn([](corio::semaphore& s, bool& acquired) -> task<void> {
        co_await corio::yield();  // queue second
        auto permit = co_await s.hold();
        acquired = true;
      }(sem, second_acquired));
      co_await corio::sleep_for(1s);
      sem.release();   // grants the permit to `first`...
      first.cancel();  // ...which is cancelled before it runs
    });
    available_after = sem.available();
  });
  EXPECT_TRUE(first_cancelled);
  EXPECT_TRUE(second_acquired);
  EXPECT_EQ(available_after, 1);
}

TEST(Semaphore, PermitReleasesExactlyOnce) {
  run_virtual([]() -> task<void> {
    corio::semaphore sem(1);
    {
      corio::semaphore_permit permit = co_await sem.hold();
      EXPECT_TRUE(permit.owns_permit());
      EXPECT_EQ(sem.available(), 0);
      corio::semaphore_permit moved = std::move(permit);
      EXPECT_FALSE(permit.owns_permit());  // NOLINT(bugprone-use-after-move): checking the moved-from state
      moved.release();
      moved.release();
      EXPECT_EQ(sem.available(), 1);
    }
    EXPECT_EQ(sem.available(), 1);
  });
}

}  // namespace
}  // namespace corio_test

// join_handle: awaiting, cancelling and querying one child.
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

TEST(JoinHandle, AwaitYieldsTheChildsValue) {
  const int sum = run_virtual([]() -> task<int> {
    co_return co_await with_task_group([](task_group& g) -> task<int> {
      auto a = g.spawn(value_after(2s, 40));
      auto b = g.spawn(value_after(1s, 2));
      const int first = co_await a;
      const int second = co_await std::move(b);
      co_return first + second;
    });
  });
  EXPECT_EQ(sum, 42);
}

TEST(JoinHandle, DoneAndResultFollowTheChild) {
  run_virtual([]() -> task<void> {
    co_await with_task_group([](task_group& g) -> task<void> {
      auto h = g.spawn(value_after(1s, 5));
      EXPECT_FALSE(h.done());
      try {
        h.result();
        ADD_FAILURE() << "result() before done must throw";
      } catch (const std::logic_error& e) {
        EXPECT_NE(std::string(e.what()).find("has not finished"), std::string::npos) << e.what();
      }
      co_await corio::sleep_for(2s);
      EXPECT_TRUE(h.done());
      EXPECT_EQ(h.result(), 5);
    });
  });
}

TEST(JoinHandle, OutlivesItsGroup) {
  corio::join_handle<int> kept;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      kept = g.spawn(value_after(1s, 8));
      co_return;
    });
  });
  ASSERT_TRUE(kept.done());
  EXPECT_EQ(kept.result(), 8);
}

// The child's failure reaches the caller once, through the group; the body
// awaiting the handle gets cancelled_error because the group is cancelling it.
TEST(JoinHandle, AwaitingAFailedChildThrowsCancelledErrorAndTheGroupDeliversOnce) {
  bool body_got_cancelled = false;
  std::vector<int> ids;
  corio::join_handle<int> kept;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([&](task_group& g) -> task<void> {
        kept = g.spawn(fail_after(1s, 3));
        try {
          co_await kept;
        } catch (const corio::cancelled_error&) {
          body_got_cancelled = true;
          throw;
        }
      });
    } catch (const corio::exception_group& e) {
      ids = failure_ids(e);
    }
  });
  EXPECT_TRUE(body_got_cancelled);
  EXPECT_EQ(ids, std::vector<int>{3});
  EXPECT_THROW(kept.result(), failure);  // result() still reports what happened
}

TEST(JoinHandle, CancelStopsOnlyThatChild) {
  corio::join_handle<int> cancelled_child;
  int other = 0;
  EXPECT_NO_THROW(run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      cancelled_child = g.spawn(value_after(10s, 1));
      auto sibling = g.spawn(value_after(2s, 2));
      co_await corio::sleep_for(1s);
      cancelled_child.cancel();
      other = co_await sibling;
    });
  }));
  EXPECT_EQ(other, 2);
  EXPECT_THROW(cancelled_child.result(), corio::cancelled_error);
}

TEST(JoinHandle, AwaitIsACancellationPoint) {
  bool cancelled = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      auto slow = g.spawn(value_after(1h, 1));
      g.spawn([](task_group& group) -> task<void> {
        co_await corio::sleep_for(1s);
        group.cancel();
      }(g));
      try {
        co_await slow;
      } catch (const corio::cancelled_error&) {
        cancelled = true;
        throw;
      }
    });
  });
  EXPECT_TRUE(cancelled);
}

TEST(JoinHandle, EmptyHandleIsALogicError) {
  corio::join_handle<int> empty;
  EXPECT_THROW((void)empty.done(), std::logic_error);
  EXPECT_THROW(empty.result(), std::logic_error);
}

TEST(JoinHandle, DroppedHandleLeavesTheChildRunning) {
  tracked::reset();
  bool finished = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](bool& done, tracked) -> task<void> {
        co_await corio::sleep_for(1s);
        done = true;
      }(finished, tracked{}));
      co_return;
    });
    EXPECT_EQ(tracked::live, 0);  // the detached child freed its own frame
  });
  EXPECT_TRUE(finished);
}

}  // namespace
}  // namespace corio_test

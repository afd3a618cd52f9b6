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

// Issue 20: after its group ended, awaiting a failed child is a logic_error
// that says where the failure went, not a cancelled_error outside any
// cancellation (which used to escape run()).
TEST(JoinHandle, AwaitingAFailedChildAfterItsGroupIsALogicError) {
  std::string message;
  EXPECT_THROW(run_virtual([&]() -> task<void> {
                 corio::join_handle<int> h;
                 try {
                   co_await with_task_group([&](task_group& g) -> task<void> {
                     h = g.spawn(fail_after(1s, 7));
                     co_return;
                   });
                 } catch (const corio::exception_group&) {  // NOLINT(bugprone-empty-catch): the failure under test comes next
                 }
                 try {
                   co_await h;
                 } catch (const std::logic_error& e) {
                   message = e.what();
                   throw;
                 }
               }),
               std::logic_error);
  EXPECT_NE(message.find("corio::join_handle: co_await on a child that failed"), std::string::npos) << message;
  EXPECT_NE(message.find("exception()"), std::string::npos) << message;
}

// Issue 20: failed(), cancelled(), exception().
TEST(JoinHandle, ReportsHowTheChildEnded) {
  run_virtual([]() -> task<void> {
    corio::join_handle<int> ok, cancelled, failed;
    try {
      co_await with_task_group([&](task_group& g) -> task<void> {
        ok = g.spawn(value_after(1s, 1));
        cancelled = g.spawn(value_after(1h, 2));
        EXPECT_FALSE(ok.failed());
        EXPECT_FALSE(ok.cancelled());
        EXPECT_THROW((void)ok.exception(), std::logic_error);
        co_await corio::sleep_for(2s);
        cancelled.cancel();
        failed = g.spawn(fail_after(1s, 9));
      });
      ADD_FAILURE() << "the group must fail";
    } catch (const corio::exception_group& eg) {
      EXPECT_EQ(eg.exceptions(), std::vector<std::exception_ptr>{failed.exception()});  // the very object the group delivered
    }
    EXPECT_FALSE(ok.failed());
    EXPECT_FALSE(ok.cancelled());
    EXPECT_EQ(ok.exception(), nullptr);
    EXPECT_TRUE(cancelled.cancelled());
    EXPECT_FALSE(cancelled.failed());
    EXPECT_EQ(cancelled.exception(), nullptr);
    EXPECT_TRUE(failed.failed());
    EXPECT_FALSE(failed.cancelled());
    EXPECT_NE(failed.exception(), nullptr);
    if (failed.exception() != nullptr) {
      try {
        std::rethrow_exception(failed.exception());
      } catch (const failure& f) {
        EXPECT_EQ(f.id, 9);
      }
    }
  });
}

}  // namespace
}  // namespace corio_test

// corio::cancel_scope / with_cancel_scope: cancel(), a deadline that moves,
// shields raised and lowered while the body runs.
#include "test_support.hpp"

#include <optional>

namespace corio_test {
namespace {

using corio::cancel_scope;
using corio::task_group;
using corio::with_cancel_scope;
using corio::with_task_group;

TEST(CancelScope, ABodyThatFinishesDeliversItsValue) {
  const std::optional<int> got = run_virtual([]() -> task<std::optional<int>> {
    co_return co_await with_cancel_scope([](cancel_scope&) -> task<int> {
      co_await corio::sleep_for(1s);
      co_return 7;
    });
  });
  EXPECT_EQ(got, 7);
}

TEST(CancelScope, AVoidBodyThatFinishesGivesTrue) {
  EXPECT_TRUE(run_virtual([]() -> task<bool> {
    co_return co_await with_cancel_scope([](cancel_scope&) -> task<void> { co_await corio::sleep_for(1s); });
  }));
}

TEST(CancelScope, OwnCancelCutsTheBodyShortAtItsNextSuspensionPoint) {
  bool reached_after_cancel = false;
  bool suspended_after_cancel = false;
  const bool completed = run_virtual([&]() -> task<bool> {
    co_return co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
      scope.cancel();
      reached_after_cancel = true;  // cancel() itself does not throw
      co_await corio::yield();
      suspended_after_cancel = true;
    });
  });
  EXPECT_FALSE(completed);
  EXPECT_TRUE(reached_after_cancel);
  EXPECT_FALSE(suspended_after_cancel);
}

TEST(CancelScope, CancelledWhileWaitingFromAnotherTask) {
  std::optional<int> got = 0;
  std::chrono::nanoseconds ended_at{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    cancel_scope* body_scope = nullptr;
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> {
        got = co_await with_cancel_scope([&](cancel_scope& scope) -> task<int> {
          body_scope = &scope;
          co_await corio::sleep_for(1h);
          co_return 1;
        });
        ended_at = since(start);
      });
      co_await corio::sleep_for(2s);
      body_scope->cancel();
    });
  });
  EXPECT_EQ(got, std::nullopt);
  EXPECT_EQ(ended_at, 2s);
}

// Cancellation is level-triggered: every later suspension point throws too.
TEST(CancelScope, EverySuspensionPointAfterCancelThrows) {
  int throws = 0;
  run_virtual([&]() -> task<bool> {
    co_return co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
      scope.cancel();
      for (int i = 0; i < 3; ++i) {
        try {
          co_await corio::sleep_for(1s);
        } catch (const corio::cancelled_error&) {  // NOLINT(async-swallowed-cancellation): counted, then rethrown below
          ++throws;
        }
      }
      throw corio::cancelled_error();
    });
  });
  EXPECT_EQ(throws, 3);
}

// cancel() after the last suspension point: the value was already on its way.
TEST(CancelScope, ABodyThatCompletesAfterCancelStillDeliversItsValue) {
  const std::optional<int> got = run_virtual([]() -> task<std::optional<int>> {
    co_return co_await with_cancel_scope([](cancel_scope& scope) -> task<int> {
      co_await corio::sleep_for(1s);
      scope.cancel();
      co_return 5;
    });
  });
  EXPECT_EQ(got, 5);
}

TEST(CancelScope, HasNoDeadlineUntilOneIsSet) {
  run_virtual([]() -> task<bool> {
    co_return co_await with_cancel_scope([](cancel_scope& scope) -> task<void> {
      EXPECT_EQ(scope.deadline(), corio::steady_time::max());
      const corio::steady_time at = corio::now() + 3s;
      scope.set_deadline(at);
      EXPECT_EQ(scope.deadline(), at);
      co_return;
    });
  });
}

TEST(CancelScope, ADeadlineCutsTheBodyShort) {
  std::chrono::nanoseconds ended_at{};
  const bool completed = run_virtual([&]() -> task<bool> {
    const corio::steady_time start = corio::now();
    const bool done = co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
      scope.set_deadline(start + 2s);
      co_await corio::sleep_for(1h);
    });
    ended_at = since(start);
    co_return done;
  });
  EXPECT_FALSE(completed);
  EXPECT_EQ(ended_at, 2s);
}

TEST(CancelScope, ADeadlineMovedLaterLetsTheBodyFinish) {
  std::chrono::nanoseconds ended_at{};
  const std::optional<int> got = run_virtual([&]() -> task<std::optional<int>> {
    const corio::steady_time start = corio::now();
    std::optional<int> result = co_await with_cancel_scope([&](cancel_scope& scope) -> task<int> {
      scope.set_deadline(start + 1s);
      co_await corio::sleep_for(500ms);
      scope.set_deadline(start + 10s);  // asyncio's Timeout.reschedule
      co_await corio::sleep_for(3s);
      co_return 9;
    });
    ended_at = since(start);
    co_return result;
  });
  EXPECT_EQ(got, 9);
  EXPECT_EQ(ended_at, 3500ms);
}

TEST(CancelScope, ADeadlineMovedEarlierByAnotherTaskWakesTheParkedBody) {
  std::chrono::nanoseconds ended_at{};
  bool completed = true;
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    cancel_scope* body_scope = nullptr;
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> {
        completed = co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
          body_scope = &scope;
          scope.set_deadline(start + 1h);
          co_await corio::sleep_for(2h);
        });
        ended_at = since(start);
      });
      co_await corio::sleep_for(1s);
      body_scope->set_deadline(start + 5s);
    });
  });
  EXPECT_FALSE(completed);
  EXPECT_EQ(ended_at, 5s);
}

TEST(CancelScope, ADeadlineAlreadyPassedCancelsAtOnce) {
  std::chrono::nanoseconds ended_at{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    co_await with_task_group([&](task_group& g) -> task<void> {
      cancel_scope* body_scope = nullptr;
      g.spawn([&]() -> task<void> {
        EXPECT_FALSE(co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
          body_scope = &scope;
          co_await corio::sleep_for(1h);
        }));
        ended_at = since(start);
      });
      co_await corio::sleep_for(1s);
      body_scope->set_deadline(start);
    });
  });
  EXPECT_EQ(ended_at, 1s);
}

// Cancellation is never undone: a later deadline does not revive the scope.
TEST(CancelScope, ADeadlineMovedAfterCancelDoesNotUndoIt) {
  EXPECT_FALSE(run_virtual([]() -> task<bool> {
    co_return co_await with_cancel_scope([](cancel_scope& scope) -> task<void> {
      scope.cancel();
      scope.set_deadline(corio::now() + 1h);
      EXPECT_TRUE(scope.cancelled());
      EXPECT_TRUE(scope.cancel_called());
      co_await corio::sleep_for(1s);
    });
  }));
}

// The deadline is disarmed when the scope ends: nothing waits for it.
TEST(CancelScope, AnUnexpiredDeadlineDoesNotOutliveTheScope) {
  std::chrono::nanoseconds ended_at{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    EXPECT_TRUE(co_await with_cancel_scope([](cancel_scope& scope) -> task<void> {
      scope.set_deadline(corio::now() + 1h);
      co_await corio::sleep_for(1s);
    }));
    ended_at = since(start);
  });
  EXPECT_EQ(ended_at, 1s);
}

TEST(CancelScope, CancellationFromOutsideKeepsPropagating) {
  bool scope_returned = false;
  bool saw_cancelled = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> {
        try {
          co_await with_cancel_scope([](cancel_scope&) -> task<void> { co_await corio::sleep_for(1h); });
          scope_returned = true;
        } catch (const corio::cancelled_error&) {
          saw_cancelled = true;
          throw;
        }
      });
      co_await corio::sleep_for(1s);
      g.cancel();
    });
  });
  EXPECT_FALSE(scope_returned);
  EXPECT_TRUE(saw_cancelled);
}

// Both cancelled: the outer scope owns the cancellation.
TEST(CancelScope, OwnCancelUnderAnOuterCancellationPropagates) {
  bool saw_cancelled = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      try {
        co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
          g.cancel();
          scope.cancel();
          co_await corio::yield();
        });
      } catch (const corio::cancelled_error&) {
        saw_cancelled = true;
        throw;
      }
    });
  });
  EXPECT_TRUE(saw_cancelled);
}

TEST(CancelScope, OtherExceptionsPassThrough) {
  EXPECT_THROW(run_virtual([]() -> task<bool> {
                 co_return co_await with_cancel_scope([](cancel_scope& scope) -> task<void> {
                   scope.cancel();
                   throw failure(1);
                 });
               }),
               failure);
}

TEST(CancelScope, AShieldedScopeIsNotReachedFromOutside) {
  std::chrono::nanoseconds ended_at{};
  bool completed = false;
  const bool outer_completed = run_virtual([&]() -> task<bool> {
    const corio::steady_time start = corio::now();
    co_return co_await corio::move_on_after(1s, [&]() -> task<void> {
      completed = co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
        scope.set_shield(true);
        EXPECT_TRUE(scope.shield());
        co_await corio::sleep_for(5s);
      });
      ended_at = since(start);
      co_await corio::yield();  // the outer expiry is seen again here
    }());
  });
  EXPECT_TRUE(completed);
  EXPECT_EQ(ended_at, 5s);
  EXPECT_FALSE(outer_completed);
}

// The shield goes up after the outer cancellation reached the scope: the
// scope and what it holds (a group and its children) may suspend again.
TEST(CancelScope, RaisingTheShieldLiftsAnInheritedCancellation) {
  int children_finished = 0;
  bool completed = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& outer) -> task<void> {
      completed = co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
        co_await with_task_group([&](task_group& inner) -> task<void> {
          for (int i = 0; i < 2; ++i)
            inner.spawn([&]() -> task<void> {
              co_await corio::sleep_for(1s);
              ++children_finished;
            });
          outer.cancel();
          EXPECT_TRUE(scope.cancelled());
          scope.set_shield(true);
          EXPECT_FALSE(scope.cancelled());
          EXPECT_FALSE(scope.cancel_called());
          co_await corio::sleep_for(2s);
        });
      });
    });
  });
  EXPECT_TRUE(completed);
  EXPECT_EQ(children_finished, 2);
}

// A scope cancelled by its own request inside the shielded one stays cancelled.
TEST(CancelScope, RaisingTheShieldKeepsInnerRequestsInForce) {
  bool inner_completed = true;
  bool outer_completed = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      outer_completed = co_await with_cancel_scope([&](cancel_scope& outer) -> task<void> {
        inner_completed = co_await with_cancel_scope([&](cancel_scope& inner) -> task<void> {
          inner.cancel();
          g.cancel();
          outer.set_shield(true);
          EXPECT_TRUE(inner.cancelled());
          co_await corio::yield();
        });
        co_await corio::sleep_for(1s);  // the outer scope is shielded, not cancelled
      });
    });
  });
  EXPECT_FALSE(inner_completed);
  EXPECT_TRUE(outer_completed);
}

TEST(CancelScope, AShieldedScopesOwnDeadlineStillWorks) {
  bool completed = true;
  std::chrono::nanoseconds ended_at{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    completed = co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
      scope.set_shield(true);
      scope.set_deadline(start + 2s);
      co_await corio::sleep_for(1h);
    });
    ended_at = since(start);
  });
  EXPECT_FALSE(completed);
  EXPECT_EQ(ended_at, 2s);
}

// Lowered by another task while the body waits under a cancelled parent.
TEST(CancelScope, LoweringTheShieldUnderACancelledParentWakesTheBody) {
  std::chrono::nanoseconds ended_at{};
  bool body_saw_cancelled = false;
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    co_await with_task_group([&](task_group& g) -> task<void> {
      cancel_scope* body_scope = nullptr;
      g.spawn([&]() -> task<void> {
        try {
          co_await with_cancel_scope([&](cancel_scope& scope) -> task<void> {
            body_scope = &scope;
            scope.set_shield(true);
            co_await corio::sleep_for(1h);
          });
        } catch (const corio::cancelled_error&) {
          body_saw_cancelled = true;
          ended_at = since(start);
          throw;
        }
      });
      co_await corio::sleep_for(1s);
      g.cancel();  // shielded: the body sleeps on
      co_await corio::shielded(corio::sleep_for(1s));
      body_scope->set_shield(false);
    });
  });
  EXPECT_TRUE(body_saw_cancelled);
  EXPECT_EQ(ended_at, 2s);
}

}  // namespace
}  // namespace corio_test

// task_group semantics 1, 2, 4, 7, 8 and 9 (spawn misuse) of issue 3; spawning into a failing group (issue 20).
#include <memory>
#include <string>

#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

task<void> fail_after(std::chrono::nanoseconds delay, int id) {
  co_await corio::sleep_for(delay);
  throw failure(id);
}

// Sleeps long; records whether it was cancelled (and lets cancellation through).
task<void> sleeper(bool& cancelled) {
  try {
    co_await corio::sleep_for(1h);
  } catch (const corio::cancelled_error&) {
    cancelled = true;
    throw;
  }
}

// When cancelled, spends `cleanup` in shielded cleanup and then fails with `id`.
task<void> fail_during_cleanup(std::chrono::nanoseconds cleanup, int id) {
  try {
    co_await corio::sleep_for(1h);
  } catch (const corio::cancelled_error&) {  // NOLINT(async-swallowed-cancellation,bugprone-empty-catch): the shielded cleanup follows
  }
  co_await corio::shielded(corio::sleep_for(cleanup));
  throw failure(id);
}

// Semantic 1: a failing child cancels its siblings and the body; the group
// throws once they have all finished.
TEST(TaskGroup, ChildFailureCancelsSiblingsAndBody) {
  bool sibling_cancelled = false;
  bool body_cancelled = false;
  std::vector<int> ids;
  std::chrono::nanoseconds elapsed{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    try {
      co_await with_task_group([&](task_group& g) -> task<void> {
        g.spawn(fail_after(1s, 1));
        g.spawn(sleeper(sibling_cancelled));
        co_await sleeper(body_cancelled);
      });
    } catch (const corio::exception_group& e) {
      ids = failure_ids(e);
    }
    elapsed = since(start);
  });
  EXPECT_TRUE(sibling_cancelled);
  EXPECT_TRUE(body_cancelled);
  EXPECT_EQ(ids, std::vector<int>{1});
  EXPECT_EQ(elapsed, 1s);
}

TEST(TaskGroup, SingleFailureStillArrivesAsAGroup) {
  EXPECT_THROW(run_virtual([]() -> task<void> {
                 co_await with_task_group([](task_group& g) -> task<void> {
                   g.spawn(fail_after(0s, 1));
                   co_return;
                 });
               }),
               corio::exception_group);
}

// Semantic 1 and 8: every failure, once each, in completion order, also
// those raised while the group is already cancelling.
TEST(TaskGroup, KeepsEveryFailureInCompletionOrder) {
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([](task_group& g) -> task<void> {
        g.spawn(fail_during_cleanup(2s, 2));
        g.spawn(fail_during_cleanup(1s, 3));
        g.spawn(fail_after(1s, 1));
        co_await corio::sleep_for(1h);
      });
    } catch (const corio::exception_group& e) {
      ids = failure_ids(e);
    }
  });
  EXPECT_EQ(ids, (std::vector<int>{1, 3, 2}));
}

// Semantic 8: failures in the same tick, and after the body has finished.
TEST(TaskGroup, LosesNoFailureInTheSameTickOrAfterTheBody) {
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([](task_group& g) -> task<void> {
        for (int id = 1; id <= 3; ++id) g.spawn(fail_after(5s, id));
        co_return;  // the body is long done when they fail
      });
    } catch (const corio::exception_group& e) {
      ids = failure_ids(e);
    }
  });
  EXPECT_EQ(ids, (std::vector<int>{1, 2, 3}));
}

// Semantic 2: the body's exception cancels the children and joins the group.
TEST(TaskGroup, BodyFailureCancelsChildrenAndJoinsTheGroup) {
  bool child_cancelled = false;
  std::vector<int> ids;
  std::chrono::nanoseconds elapsed{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    try {
      co_await with_task_group([&](task_group& g) -> task<void> {
        g.spawn(sleeper(child_cancelled));
        co_await corio::sleep_for(2s);
        throw failure(7);
      });
    } catch (const corio::exception_group& e) {
      ids = failure_ids(e);
    }
    elapsed = since(start);
  });
  EXPECT_TRUE(child_cancelled);
  EXPECT_EQ(ids, std::vector<int>{7});
  EXPECT_EQ(elapsed, 2s);
}

TEST(TaskGroup, BodyAndChildFailuresAreBothKept) {
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([](task_group& g) -> task<void> {
        g.spawn(fail_after(1s, 1));
        try {
          co_await corio::sleep_for(1h);
        } catch (const corio::cancelled_error&) {  // NOLINT(async-swallowed-cancellation): replaced by a failure on purpose
          throw failure(2);  // a failure while being cancelled is still a failure
        }
      });
    } catch (const corio::exception_group& e) {
      ids = failure_ids(e);
    }
  });
  EXPECT_EQ(ids, (std::vector<int>{1, 2}));
}

TEST(TaskGroup, WaitsForEveryChildAndReturnsTheBodysValue) {
  std::vector<int> finished;
  const int value = run_virtual([&]() -> task<int> {
    auto child = [&](int id) -> task<void> {
      co_await corio::sleep_for(std::chrono::seconds(id));
      finished.push_back(id);
    };
    co_return co_await with_task_group([&](task_group& g) -> task<int> {
      g.spawn(child(3));
      g.spawn(child(1));
      co_return 99;
    });
  });
  EXPECT_EQ(value, 99);
  EXPECT_EQ(finished, (std::vector<int>{1, 3}));
}

// task_group::cancel(): everything inside is cancelled and the group then
// completes normally.
TEST(TaskGroup, CancelEndsTheGroupNormally) {
  bool a = false, b = false;
  std::chrono::nanoseconds elapsed{};
  EXPECT_NO_THROW(run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn(sleeper(a));
      g.spawn(sleeper(b));
      co_await corio::sleep_for(3s);
      g.cancel();
      co_await corio::sleep_for(1h);  // the body is cancelled too
    });
    elapsed = since(start);
  }));
  EXPECT_TRUE(a);
  EXPECT_TRUE(b);
  EXPECT_EQ(elapsed, 3s);
}

// A non-void body stopped by its own group's cancel() has no value to return.
TEST(TaskGroup, CancelledNonVoidBodyWithoutAValueThrowsCancelledError) {
  EXPECT_THROW(run_virtual([]() -> task<int> {
                 co_return co_await with_task_group([](task_group& g) -> task<int> {
                   g.cancel();
                   co_await corio::sleep_for(1s);
                   co_return 1;
                 });
               }),
               corio::cancelled_error);
  // Without a suspension point after cancel() the body still returns.
  EXPECT_EQ(run_virtual([]() -> task<int> {
              co_return co_await with_task_group([](task_group& g) -> task<int> {
                g.cancel();
                co_return 1;
              });
            }),
            1);
}

// Semantic 4: cancellation from outside propagates as cancelled_error.
TEST(TaskGroup, OuterCancellationPropagatesAsCancelledError) {
  bool inner_saw_cancelled_error = false;
  bool grandchild_cancelled = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& outer) -> task<void> {
      // Spawned lambdas take what they need as parameters: the lambda object
      // itself is a temporary that dies before the child runs.
      outer.spawn([](bool& saw_cancelled_error, bool& cancelled) -> task<void> {
        try {
          co_await with_task_group([&](task_group& inner) -> task<void> {
            inner.spawn(sleeper(cancelled));
            co_await corio::sleep_for(1h);
          });
        } catch (const corio::cancelled_error&) {
          saw_cancelled_error = true;
          throw;
        }
      }(inner_saw_cancelled_error, grandchild_cancelled));
      co_await corio::sleep_for(1s);
      outer.cancel();
    });
  });
  EXPECT_TRUE(grandchild_cancelled);
  EXPECT_TRUE(inner_saw_cancelled_error);
}

// Semantic 4: ...unless children also failed; then the group wins.
TEST(TaskGroup, FailuresDuringOuterCancellationWinOverIt) {
  std::vector<int> inner_ids;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& outer) -> task<void> {
      outer.spawn([](std::vector<int>& ids) -> task<void> {
        try {
          co_await with_task_group([](task_group& inner) -> task<void> {
            inner.spawn(fail_during_cleanup(0s, 5));
            co_await corio::sleep_for(1h);
          });
        } catch (const corio::exception_group& e) {
          ids = failure_ids(e);  // swallowed here so the outer group stays clean
        }
      }(inner_ids));
      co_await corio::sleep_for(1s);
      outer.cancel();
    });
  });
  EXPECT_EQ(inner_ids, std::vector<int>{5});
}

// Semantic 4 with an outer timeout.
TEST(TaskGroup, OuterTimeoutCancelsChildrenAndBecomesTimeoutError) {
  bool child_cancelled = false;
  bool group_threw_cancelled = false;
  EXPECT_THROW(run_virtual([&]() -> task<void> {
                 co_await corio::with_timeout(1s, [&]() -> task<void> {
                   try {
                     co_await with_task_group([&](task_group& g) -> task<void> {
                       g.spawn(sleeper(child_cancelled));
                       co_return;
                     });
                   } catch (const corio::cancelled_error&) {
                     group_threw_cancelled = true;
                     throw;
                   }
                 }());
               }),
               corio::timeout_error);
  EXPECT_TRUE(child_cancelled);
  EXPECT_TRUE(group_threw_cancelled);
}

// Semantic 7: an inner group's failure arrives nested in the outer group.
TEST(TaskGroup, NestedGroupFailureArrivesAsNestedGroup) {
  bool nested = false, found_deep = false;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([](task_group& outer) -> task<void> {
        outer.spawn(with_task_group([](task_group& inner) -> task<void> {
          inner.spawn(fail_after(1s, 4));
          co_return;
        }));
        co_return;
      });
    } catch (const corio::exception_group& e) {
      EXPECT_EQ(e.exceptions().size(), 1u);
      try {
        std::rethrow_exception(e.exceptions().front());
      } catch (const corio::exception_group& inner) {
        nested = failure_ids(inner) == std::vector<int>{4};
      } catch (...) {  // NOLINT(bugprone-empty-catch): anything else leaves `nested` false
      }
      found_deep = e.contains<failure>();
    }
  });
  EXPECT_TRUE(nested);
  EXPECT_TRUE(found_deep);
}

// Issue 20: spawning into a failing group starts the child already
// cancelled (Trio's start_soon); it adds nothing to the exception_group.
TEST(TaskGroup, SpawnIntoAFailingGroupStartsTheChildCancelled) {
  bool ran = false, cancelled = false;
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([&](task_group& g) -> task<void> {
        g.spawn(fail_after(0s, 1));
        try {
          co_await corio::sleep_for(1s);
        } catch (const corio::cancelled_error&) {  // NOLINT(async-swallowed-cancellation,bugprone-empty-catch): to reach the spawn below
        }
        g.spawn([](bool& started, bool& was_cancelled) -> task<void> {
          started = true;  // runs up to its first suspension point
          co_await sleeper(was_cancelled);
        }(ran, cancelled));
      });
      ADD_FAILURE() << "the group must fail";
    } catch (const corio::exception_group& eg) {
      ids = failure_ids(eg);
    }
  });
  EXPECT_TRUE(ran);
  EXPECT_TRUE(cancelled);
  EXPECT_EQ(ids, std::vector<int>{1});  // no logic_error, no cancelled_error
}

// The case: a child, cancelled because its sibling failed, spawns
// (here from its cancellation handler) into the same group.
TEST(TaskGroup, ChildSpawningAfterASiblingFailedAddsNoError) {
  bool spawned_cancelled = false;
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([&](task_group& g) -> task<void> {
        g.spawn(fail_after(1s, 1));
        g.spawn([](task_group& group, bool& cancelled) -> task<void> {
          try {
            co_await corio::sleep_for(1h);
          } catch (const corio::cancelled_error&) {
            group.spawn(sleeper(cancelled));
            throw;
          }
        }(g, spawned_cancelled));
        co_return;
      });
    } catch (const corio::exception_group& eg) {
      ids = failure_ids(eg);
    }
  });
  EXPECT_TRUE(spawned_cancelled);
  EXPECT_EQ(ids, std::vector<int>{1});
}

TEST(TaskGroup, SpawnAfterBodyAndChildrenFinishedIsALogicError) {
  std::string message;
  run_virtual([&]() -> task<void> {
    task_group* leaked = nullptr;
    co_await with_task_group([&](task_group& outer) -> task<void> {
      outer.spawn(with_task_group([&](task_group& inner) -> task<void> {
        leaked = &inner;
        inner.spawn(corio::sleep_for(1s));
        co_return;
      }));
      // Wake in the tick in which the inner child finishes, then run once
      // more: the inner group is closed but its call has not returned yet.
      co_await corio::sleep_for(1s);
      co_await corio::yield();
      try {
        leaked->spawn(corio::sleep_for(1s));
      } catch (const std::logic_error& e) {
        message = e.what();
      }
    });
  });
  EXPECT_NE(message.find("has finished"), std::string::npos) << message;
}

TEST(TaskGroup, SpawningAMovedFromTaskIsALogicError) {
  std::string message;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      task<void> t = corio::sleep_for(1s);
      g.spawn(std::move(t));
      try {
        g.spawn(std::move(t));  // NOLINT(bugprone-use-after-move): the misuse under test
      } catch (const std::logic_error& e) {
        message = e.what();
      }
      co_return;
    });
  });
  EXPECT_NE(message.find("empty task"), std::string::npos) << message;
}

TEST(TaskGroup, ChildSpawnedIntoACancelledGroupStartsCancelled) {
  bool ran = false, cancelled = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.cancel();
      g.spawn([](bool& started, bool& was_cancelled) -> task<void> {
        started = true;  // runs up to its first suspension point
        co_await sleeper(was_cancelled);
      }(ran, cancelled));
      co_return;
    });
  });
  EXPECT_TRUE(ran);
  EXPECT_TRUE(cancelled);
}

// Issue 20, item 10: spawn(f, args...) keeps f (and the arguments) in the
// child's frame until the child finishes.
TEST(TaskGroup, SpawnOfACallableKeepsItAliveUntilTheChildFinishes) {
  tracked::reset();
  int sum = 0;
  int live_while_running = 0;
  int by_ref = 0;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      const std::vector<int> values{1, 2, 3};
      g.spawn([values, &sum, &live_while_running, keep = tracked{}]() -> task<void> {
        co_await corio::sleep_for(1s);  // long after the statement that made the lambda
        for (const int v : values) sum += v;
        live_while_running = tracked::live;
      });
      auto h = g.spawn(
          [](int a, const std::string& s) -> task<int> {
            co_await corio::yield();
            co_return a + static_cast<int>(s.size());  // `s` is the child's own copy
          },
          40, std::string("ab"));
      g.spawn(
          [](int& out) -> task<void> {
            co_await corio::yield();
            out = 5;
          },
          std::ref(by_ref));
      EXPECT_EQ(co_await h, 42);
    });
  });
  EXPECT_EQ(sum, 6);
  EXPECT_EQ(live_while_running, 1);
  EXPECT_EQ(by_ref, 5);
  EXPECT_EQ(tracked::live, 0);
}

TEST(TaskGroup, SpawnOfAFailingCallableFailsTheGroup) {
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([](task_group& g) -> task<void> {
        g.spawn([id = 4]() -> task<void> {
          co_await corio::yield();
          throw failure(id);
        });
        co_return;
      });
    } catch (const corio::exception_group& eg) {
      ids = failure_ids(eg);
    }
  });
  EXPECT_EQ(ids, std::vector<int>{4});
}

}  // namespace
}  // namespace corio_test

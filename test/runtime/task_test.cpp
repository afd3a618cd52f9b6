// task<T>: laziness, results, exceptions, constant stack, task<T&>, misuse.
#include <memory>

#include "test_support.hpp"

namespace corio_test {
namespace {

task<int> answer() { co_return 42; }

task<int> depth_sum(int depth) {
  if (depth == 0) co_return 0;
  co_return 1 + co_await depth_sum(depth - 1);
}

task<void> throw_at_bottom(int depth) {
  if (depth == 0) throw failure(depth);
  co_await throw_at_bottom(depth - 1);
}

task<int> keeps_tracked(tracked) { co_return 1; }

TEST(Task, AwaitYieldsTheValue) {
  EXPECT_EQ(run_virtual([]() -> task<int> { co_return co_await answer() + 1; }), 43);
}

TEST(Task, IsLazyUntilAwaited) {
  bool started = false;
  run_virtual([&]() -> task<void> {
    auto body = [&]() -> task<void> {
      started = true;
      co_return;
    };
    task<void> t = body();
    EXPECT_FALSE(started);
    co_await std::move(t);
    EXPECT_TRUE(started);
  });
  EXPECT_TRUE(started);
}

TEST(Task, RethrowsTheExceptionToTheAwaiter) {
  auto outcome = run_virtual([]() -> task<int> {
    try {
      co_await throw_at_bottom(3);
    } catch (const failure& f) {
      co_return f.id;
    }
    co_return -1;
  });
  EXPECT_EQ(outcome, 0);
}

TEST(Task, CarriesMoveOnlyResults) {
  auto value = run_virtual([]() -> task<std::unique_ptr<int>> {
    auto make = []() -> task<std::unique_ptr<int>> { co_return std::make_unique<int>(7); };
    co_return co_await make();
  });
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(*value, 7);
}

TEST(Task, DestroyingAnUnstartedTaskFreesItsFrame) {
  tracked::reset();
  {
    task<int> never_run = keeps_tracked(tracked{});  // NOLINT(async-unawaited-task): never running it is the point
    EXPECT_EQ(tracked::live, 1);  // the parameter copy in the frame
  }
  EXPECT_EQ(tracked::live, 0);
}

// Symmetric transfer: a 100000-deep chain of awaits (and the unwinding of an
// exception through it) must not grow the stack.
TEST(Task, DeepAwaitChainsUseConstantStack) {
  EXPECT_EQ(run_virtual([]() -> task<int> { co_return co_await depth_sum(100000); }), 100000);
  EXPECT_THROW(run_virtual([]() -> task<void> { co_await throw_at_bottom(100000); }), failure);
}

task<int> hit(int i) { co_return i; }

// Issue 20: a loop awaiting tasks that finish without suspending. Each await
// and each return is a transfer; without guaranteed tail calls (g++ below
// -O2) they used to nest until the stack overflowed.
TEST(Task, LoopsOfSynchronousAwaitsUseConstantStack) {
  const long long sum = run_virtual([]() -> task<long long> {
    long long total = 0;
    for (int i = 0; i < 1000000; ++i) total += co_await hit(i);
    co_return total;
  });
  EXPECT_EQ(sum, 499999500000LL);
}

TEST(Task, AwaitingAMovedFromTaskIsALogicError) {
  run_virtual([]() -> task<void> {
    task<int> t = answer();
    task<int> other = std::move(t);
    try {
      co_await t;  // NOLINT(bugprone-use-after-move): the misuse under test
      ADD_FAILURE() << "awaiting a moved-from task must throw";
    } catch (const std::logic_error& e) {
      EXPECT_NE(std::string(e.what()).find("empty task"), std::string::npos) << e.what();
    }
    EXPECT_EQ(co_await other, 42);
  });
}

TEST(Task, AwaitingATaskTwiceIsALogicError) {
  run_virtual([]() -> task<void> {
    task<int> t = answer();
    EXPECT_EQ(co_await t, 42);
    try {
      co_await t;
      ADD_FAILURE() << "awaiting a finished task must throw";
    } catch (const std::logic_error& e) {
      EXPECT_NE(std::string(e.what()).find("already awaited"), std::string::npos) << e.what();
    }
  });
}

// Issue 20, item 9: task<T&>. `pinned` cannot be copied or moved, so a
// reference that was copied anywhere would not compile; the address checks
// that the awaiter gets the very object.
struct pinned {
  explicit pinned(int v) : value(v) {}
  pinned(const pinned&) = delete;
  pinned& operator=(const pinned&) = delete;
  int value;
};

task<pinned&> find(pinned& p) {
  co_await corio::yield();
  co_return p;
}

task<pinned&> find_or_fail(pinned& p, bool fail) {
  co_await corio::yield();
  if (fail) throw failure(1);
  co_return p;
}

TEST(Task, ReferenceTasksYieldTheObjectItself) {
  pinned p(7);
  pinned* seen = nullptr;
  run_virtual([&]() -> task<void> {
    pinned& r = co_await find(p);
    seen = &r;
    r.value = 8;
  });
  EXPECT_EQ(seen, &p);
  EXPECT_EQ(p.value, 8);
  EXPECT_EQ(&corio::run(find(p), corio::virtual_clock{}), &p);  // run() returns the reference too
  EXPECT_THROW(corio::run(find_or_fail(p, true), corio::virtual_clock{}), failure);
}

TEST(Task, ReferenceTasksThroughGroupsShieldsAndTimeouts) {
  pinned a(1), b(2);
  run_virtual([&]() -> task<void> {
    pinned& from_group = co_await corio::with_task_group([&](corio::task_group& g) -> task<pinned&> {
      auto h = g.spawn(find(b));
      pinned& child = co_await h;
      EXPECT_EQ(&child, &b);
      EXPECT_EQ(&h.result(), &b);
      pinned& moved_out = co_await std::move(h);
      EXPECT_EQ(&moved_out, &b);
      co_return a;
    });
    EXPECT_EQ(&from_group, &a);
    EXPECT_EQ(&co_await corio::shielded(find(a)), &a);
    EXPECT_EQ(&co_await corio::with_timeout(1s, find(b)), &b);
    EXPECT_EQ(&co_await corio::finally(find(a), []() -> task<> { co_return; }), &a);
  });
}
TEST(Task, BookkeepingFitsTheSpawnBudget) {
  // Issue 13's budget: at most 64 bytes of scheduling state per child.
  EXPECT_LE(sizeof(corio::detail::fiber), 64u);
}

}  // namespace
}  // namespace corio_test

// Tasks through the standard library's callables (issue 20, item 3) and an
// awaitable that opts in to corio (item 5).
#include <functional>
#include <utility>

#include "test_support.hpp"

namespace corio_test {
namespace {

task<int> twice(int x) {
  co_await corio::yield();
  co_return 2 * x;
}

// Not coroutines: they return a task some coroutine made.
task<int> twice_via_factory(int x) { return twice(x); }
auto make_doubler() {
  return [](int x) { return twice(x); };
}

TEST(Interop, TaskReturningCallablesCompileAndRun) {
  const int sum = run_virtual([]() -> task<int> {
    const std::function<task<int>(int)> as_function = twice;
    auto bound = std::bind(twice, 3);
    auto doubler = make_doubler();
    int total = co_await as_function(1);
    total += co_await std::invoke(twice, 2);
    total += co_await bound();
    total += co_await twice_via_factory(4);
    total += co_await doubler(5);
    co_return total;
  });
  EXPECT_EQ(sum, 30);
}

TEST(Interop, TaskReturningCallablesSpawn) {
  const int sum = run_virtual([]() -> task<int> {
    const std::function<task<int>(int)> as_function = twice;
    co_return co_await corio::with_task_group([&](corio::task_group& g) -> task<int> {
      auto a = g.spawn(as_function(20));
      auto b = g.spawn(std::invoke(twice, 1));
      const int first = co_await std::move(a);
      const int second = co_await std::move(b);
      co_return first + second;
    });
  });
  EXPECT_EQ(sum, 42);
}

// An awaitable written for corio: this one never suspends, so it needs none
// of the loop's scheduling; opting in is the member alias.
struct ready_value {
  using corio_awaitable = void;
  int value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return value; }
};

// The other way to opt in: specialise corio::enable_awaitable.
struct other_ready_value {
  int value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return value; }
};

static_assert(corio::awaitable<ready_value>);
static_assert(corio::awaitable<corio::task<int>&>);
static_assert(!corio::awaitable<std::suspend_always>);

}  // namespace
}  // namespace corio_test

template <>
inline constexpr bool corio::enable_awaitable<corio_test::other_ready_value> = true;

namespace corio_test {
namespace {

TEST(Interop, AwaitablesThatOptInAreAccepted) {
  EXPECT_EQ(run_virtual([]() -> task<int> { co_return co_await ready_value{40} + co_await other_ready_value{2}; }), 42);
}

}  // namespace
}  // namespace corio_test

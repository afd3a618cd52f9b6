// corio::race: the first child to succeed wins, the others are cancelled and
// awaited; all failing gives every failure; outside cancellation.
#include "test_support.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace corio_test {
namespace {

using corio::race;
using corio::task_group;
using corio::with_task_group;

task<int> value_after(std::chrono::nanoseconds delay, int value) {
  co_await corio::sleep_for(delay);
  co_return value;
}

task<std::string> text_after(std::chrono::nanoseconds delay, const char* text) {
  co_await corio::sleep_for(delay);
  co_return text;
}

task<int> fail_after(std::chrono::nanoseconds delay, int id) {
  co_await corio::sleep_for(delay);
  throw failure(id);
}

// Sleeps for an hour unless cancelled; records how it ended.
task<int> hour_long(bool& cancelled) {
  try {
    co_await corio::sleep_for(1h);
  } catch (const corio::cancelled_error&) {
    cancelled = true;
    throw;
  }
  co_return -1;
}

// Awaits `t`, which the caller keeps; records whether it ended with
// cancelled_error, and lets that through.
template <class T>
task<void> noting_cancellation(task<T>& t, bool& cancelled) {
  try {
    co_await std::move(t);
  } catch (const corio::cancelled_error&) {
    cancelled = true;
    throw;
  }
}

TEST(Race, TheFasterChildWinsAndTheSlowerIsCancelled) {
  bool slow_cancelled = false;
  std::chrono::nanoseconds took{};
  const auto got = run_virtual([&]() -> task<std::variant<int, std::string>> {
    const corio::steady_time start = corio::now();
    auto result = co_await race(hour_long(slow_cancelled), text_after(2s, "fast"));
    took = since(start);
    co_return result;
  });
  ASSERT_EQ(got.index(), 1u);
  EXPECT_EQ(std::get<1>(got), "fast");
  EXPECT_EQ(took, 2s);
  EXPECT_TRUE(slow_cancelled);
}

// The trial's hand-rolled race returned the slow result: the position in
// the argument list decides nothing.
TEST(Race, TheWinnerIsTheFirstToFinishWhateverItsPosition) {
  const auto got = run_virtual([]() -> task<std::variant<int, int, int>> {
    co_return co_await race(value_after(3s, 0), value_after(1s, 1), value_after(2s, 2));
  });
  EXPECT_EQ(got.index(), 1u);
  EXPECT_EQ(std::get<1>(got), 1);
}

TEST(Race, AFailureDoesNotWinTheSlowerSuccessDoes) {
  std::chrono::nanoseconds took{};
  const auto got = run_virtual([&]() -> task<std::variant<int, int>> {
    const corio::steady_time start = corio::now();
    auto result = co_await race(fail_after(1s, 1), value_after(5s, 7));
    took = since(start);
    co_return result;
  });
  EXPECT_EQ(got.index(), 1u);
  EXPECT_EQ(std::get<1>(got), 7);
  EXPECT_EQ(took, 5s);
}

TEST(Race, EveryChildFailingGivesAllFailuresInTheOrderTheyHappened) {
  try {
    run_virtual([]() -> task<void> {
      co_await race(fail_after(3s, 3), fail_after(1s, 1), fail_after(2s, 2));
    });
    FAIL() << "race did not throw";
  } catch (const corio::exception_group& group) {
    EXPECT_EQ(failure_ids(group), (std::vector<int>{1, 2, 3}));
  }
}

TEST(Race, AVoidChildIsAMonostateAlternative) {
  const auto got = run_virtual([]() -> task<std::variant<std::monostate, int>> {
    co_return co_await race(corio::sleep_for(1s), value_after(2s, 2));
  });
  EXPECT_EQ(got.index(), 0u);
}

// Nothing outlives the race: a loser's shielded cleanup finishes before race
// returns.
TEST(Race, ReturnsOnlyAfterTheLosersHaveUnwound) {
  bool cleanup_done = false;
  std::chrono::nanoseconds took{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    auto slow_cleanup = [&]() -> task<void> {
      co_await corio::sleep_for(3s);
      cleanup_done = true;
    };
    co_await race(corio::finally(corio::sleep_for(1h), slow_cleanup), value_after(1s, 1));
    took = since(start);
    EXPECT_TRUE(cleanup_done);
  });
  EXPECT_TRUE(cleanup_done);
  EXPECT_EQ(took, 4s);
}

TEST(Race, OnlyTheFirstOfSimultaneousSuccessesWins) {
  int finished = 0;
  const auto got = run_virtual([&]() -> task<std::variant<int, int>> {
    auto immediate = [&](int v) -> task<int> {
      ++finished;
      co_return v;
    };
    co_return co_await race(immediate(10), immediate(20));
  });
  EXPECT_EQ(finished, 2);  // both ran: neither reached a suspension point
  EXPECT_EQ(got.index(), 0u);
  EXPECT_EQ(std::get<0>(got), 10);
}

TEST(Race, CancellationFromOutsideCancelsAllAndThrowsCancelledError) {
  bool first_cancelled = false;
  bool second_cancelled = false;
  bool race_threw_cancelled = false;
  std::chrono::nanoseconds took{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    auto both = race(hour_long(first_cancelled), hour_long(second_cancelled));
    const bool completed = co_await corio::move_on_after(2s, noting_cancellation(both, race_threw_cancelled));
    took = since(start);
    EXPECT_FALSE(completed);
  });
  EXPECT_TRUE(race_threw_cancelled);
  EXPECT_TRUE(first_cancelled);
  EXPECT_TRUE(second_cancelled);
  EXPECT_EQ(took, 2s);
}

TEST(Race, CancellationFromOutsideWinsOverEarlierFailures) {
  bool race_threw_cancelled = false;
  bool other_cancelled = false;
  run_virtual([&]() -> task<void> {
    auto both = race(fail_after(1s, 1), hour_long(other_cancelled));
    co_await corio::move_on_after(2s, noting_cancellation(both, race_threw_cancelled));
  });
  EXPECT_TRUE(race_threw_cancelled);
  EXPECT_TRUE(other_cancelled);
}

// The outside cancellation owns the race even after a winner, while the
// losers are still unwinding.
TEST(Race, CancellationFromOutsideAfterAWinWhileLosersUnwindThrowsCancelledError) {
  bool race_threw_cancelled = false;
  bool cleanup_done = false;
  run_virtual([&]() -> task<void> {
    auto slow_cleanup = [&]() -> task<void> {
      co_await corio::sleep_for(3s);
      cleanup_done = true;
    };
    auto both = race(corio::finally(corio::sleep_for(1h), slow_cleanup), value_after(1s, 1));
    co_await corio::move_on_after(2s, noting_cancellation(both, race_threw_cancelled));
  });
  EXPECT_TRUE(cleanup_done);
  EXPECT_TRUE(race_threw_cancelled);
}

// A loser's cleanup that fails is not swallowed along with its cancellation.
TEST(Race, ALoserFailingWhileCancelledFailsTheRace) {
  try {
    run_virtual([]() -> task<void> {
      auto bad_cleanup = []() -> task<int> {
        try {
          co_await corio::sleep_for(1h);
        } catch (const corio::cancelled_error&) {  // NOLINT(async-swallowed-cancellation): the cleanup bug under test
          throw failure(9);
        }
        co_return 0;
      };
      co_await race(bad_cleanup(), value_after(1s, 1));
    });
    FAIL() << "race did not throw";
  } catch (const corio::exception_group& group) {
    EXPECT_EQ(failure_ids(group), (std::vector<int>{9}));
  }
}

TEST(Race, InsideATaskGroupItsCancellationsStayItsOwn) {
  int sibling_finished = 0;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> {
        co_await corio::sleep_for(3s);
        ++sibling_finished;
      });
      bool loser_cancelled = false;
      const auto got = co_await race(hour_long(loser_cancelled), value_after(1s, 5));
      EXPECT_EQ(std::get<1>(got), 5);
      EXPECT_TRUE(loser_cancelled);
    });
  });
  EXPECT_EQ(sibling_finished, 1);  // the race cancelled its losers only
}

TEST(Race, AnEmptyTaskIsALogicErrorAtTheCall) {
  task<int> empty;
  // NOLINTNEXTLINE(async-unawaited-task): the call throws; there is no task to await
  EXPECT_THROW(static_cast<void>(race(std::move(empty), value_after(1s, 2))), std::logic_error);
}

// docs/runtime.md, race: ask_fastest, as the document shows it.
using endpoint = int;  // how many seconds the replica takes
using request = int;
using reply = int;

task<reply> ask(endpoint e, request q) {
  co_await corio::sleep_for(std::chrono::seconds(e));
  co_return e * 100 + q;
}

corio::task<reply> ask_fastest(const std::vector<endpoint>& replicas, request q) {
  std::vector<corio::task<reply>> attempts;
  attempts.reserve(replicas.size());
  for (const endpoint& e : replicas) attempts.push_back(ask(e, q));
  auto [which, answer] = co_await corio::race(std::move(attempts));
  co_return answer;  // the other attempts were cancelled and have finished
}

TEST(RaceVector, TheDocumentsAskFastest) {
  const std::vector<endpoint> replicas{4, 2, 3};
  EXPECT_EQ(run_virtual([&]() { return ask_fastest(replicas, 7); }), 207);
}

TEST(RaceVector, GivesTheWinnersIndexAndValue) {
  bool a_cancelled = false;
  bool c_cancelled = false;
  const auto got = run_virtual([&]() -> task<std::pair<std::size_t, int>> {
    std::vector<task<int>> entrants;
    entrants.push_back(hour_long(a_cancelled));
    entrants.push_back(value_after(2s, 42));
    entrants.push_back(hour_long(c_cancelled));
    co_return co_await race(std::move(entrants));
  });
  EXPECT_EQ(got.first, 1u);
  EXPECT_EQ(got.second, 42);
  EXPECT_TRUE(a_cancelled);
  EXPECT_TRUE(c_cancelled);
}

TEST(RaceVector, EveryChildFailingGivesAllFailures) {
  try {
    run_virtual([]() -> task<void> {
      std::vector<task<int>> entrants;
      for (int id = 1; id <= 4; ++id) entrants.push_back(fail_after(std::chrono::seconds(5 - id), id));
      co_await race(std::move(entrants));
    });
    FAIL() << "race did not throw";
  } catch (const corio::exception_group& group) {
    EXPECT_EQ(failure_ids(group), (std::vector<int>{4, 3, 2, 1}));
  }
}

TEST(RaceVector, VoidTasksGiveTheIndexAndAMonostate) {
  const auto got = run_virtual([]() -> task<std::pair<std::size_t, std::monostate>> {
    std::vector<task<void>> entrants;
    entrants.push_back(corio::sleep_for(3s));
    entrants.push_back(corio::sleep_for(1s));
    co_return co_await race(std::move(entrants));
  });
  EXPECT_EQ(got.first, 1u);
}

TEST(RaceVector, AnEmptyVectorIsInvalidArgumentAtTheCall) {
  try {
    static_cast<void>(race(std::vector<task<int>>{}));  // NOLINT(async-unawaited-task): the call throws
    FAIL() << "race did not throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("corio::race: the vector of tasks is empty"), std::string::npos);
  }
}

TEST(RaceVector, AnEmptyTaskIsALogicErrorAtTheCall) {
  std::vector<task<int>> entrants;
  entrants.emplace_back();
  EXPECT_THROW(static_cast<void>(race(std::move(entrants))), std::logic_error);  // NOLINT(async-unawaited-task): the call throws
}

}  // namespace
}  // namespace corio_test

// portal: spawn, post and cancel from other threads; closing; run_on.
#include <cstdint>
#include <atomic>
#include <future>
#include <latch>
#include <optional>
#include <random>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>

#include <corio/asio.hpp>
#include <corio/event.hpp>

#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

// How a future that must be ready ended.
enum class outcome : std::uint8_t { value, cancelled, closed, other };

template <class T>
outcome outcome_of(std::future<T>& f) {
  try {
    f.get();
    return outcome::value;
  } catch (const corio::cancelled_error&) {
    return outcome::cancelled;
  } catch (const corio::group_closed&) {
    return outcome::closed;
  } catch (...) {
    return outcome::other;
  }
}

// The body waits, idle (no timer, no worker), for another thread to spawn
// into it and then to post the event that lets it return.
TEST(Portal, SpawnFromAnotherThreadRunsOnTheLoopAndFulfilsTheFuture) {
  const std::thread::id loop_thread = std::this_thread::get_id();
  std::thread::id child_ran_on;
  int got = 0;
  std::size_t idle_waits = 0;
  std::thread sender;
  corio::run([&]() -> task<void> {
    corio::event may_return;
    co_await with_task_group([&](task_group& g) -> task<void> {
      sender = std::thread([&, p = g.portal()]() {
        std::future<int> f = p.spawn([&]() -> task<int> {
          child_ran_on = std::this_thread::get_id();
          co_return 42;
        });
        got = f.get();
        EXPECT_TRUE(p.post([&] { may_return.set(); }));
      });
      co_await may_return.wait();
    });
    idle_waits = corio::detail::event_loop::current()->idle_waits();
  }());
  sender.join();
  EXPECT_EQ(got, 42);
  EXPECT_EQ(child_ran_on, loop_thread);
  // Woken by each submission, not polling: one idle wait per message.
  EXPECT_LE(idle_waits, 4u);
}

TEST(Portal, AChildsFailureReachesTheFutureAndFailsTheGroup) {
  std::optional<std::future<int>> f;
  try {
    corio::run(with_task_group([&](task_group& g) -> task<void> {
      co_await corio::to_thread([&, p = g.portal()]() {
        f = p.spawn([]() -> task<int> {
          co_await corio::yield();
          throw failure(7);
        });
        f->wait();
      });
    }));
    FAIL() << "the group did not fail";
  } catch (const corio::exception_group& e) {
    EXPECT_EQ(failure_ids(e), std::vector<int>{7});
  }
  EXPECT_THROW(f->get(), failure);
}

// The worker's spawn is accepted before the body goes on (to_thread waits
// for it), so it reaches the group after the cancel: the child starts
// cancelled, as task_group::spawn's does, and the group ends normally.
TEST(Portal, CancelFromAnotherThreadCancelsTheGroupAndLaterChildrenStartCancelled) {
  std::optional<std::future<void>> f;
  bool child_started = false;
  bool body_cancelled = false;
  corio::run(with_task_group([&](task_group& g) -> task<void> {
    g.spawn([]() -> task<void> { co_await corio::sleep_for(1h); }());
    try {
      co_await corio::to_thread([&, p = g.portal()]() {
        p.cancel();
        f = p.spawn([&]() -> task<void> {
          child_started = true;
          co_await corio::sleep_for(1h);
        });
      });
    } catch (const corio::cancelled_error&) {
      body_cancelled = true;
      throw;
    }
  }));
  EXPECT_TRUE(body_cancelled);
  EXPECT_TRUE(child_started);
  EXPECT_EQ(outcome_of(*f), outcome::cancelled);
}

TEST(Portal, AfterTheGroupClosedAndItsLoopIsGoneNothingRunsAndNothingHangs) {
  std::optional<corio::portal> kept;
  corio::run(with_task_group([&](task_group& g) -> task<void> {
    kept.emplace(g.portal());
    co_return;
  }));
  bool ran = false;
  std::future<int> f = kept->spawn([&]() -> task<int> {
    ran = true;
    co_return 1;
  });
  EXPECT_EQ(outcome_of(f), outcome::closed);
  EXPECT_FALSE(kept->post([&] { ran = true; }));
  kept->cancel();
  EXPECT_FALSE(ran);
}

TEST(Portal, APostedFunctionThatThrowsFailsTheGroup) {
  try {
    corio::run(with_task_group([&](task_group& g) -> task<void> {
      co_await corio::to_thread([p = g.portal()]() { EXPECT_TRUE(p.post([] { throw failure(3); })); });
      co_await corio::sleep_for(1h);  // cancelled by the failure
    }));
    FAIL() << "the group did not fail";
  } catch (const corio::exception_group& e) {
    EXPECT_EQ(failure_ids(e), std::vector<int>{3});
  }
}

// A group with a portal waits for other threads instead of reporting a
// deadlock, and on virtual time its sleeps still jump.
TEST(Portal, AnOpenPortalIsNotADeadlockAndVirtualTimeStillJumps) {
  std::thread sender;
  const corio::steady_time start = std::chrono::steady_clock::now();
  corio::run(
      [&]() -> task<void> {
        co_await with_task_group([&](task_group& g) -> task<void> {
          corio::portal p = g.portal();
          co_await corio::sleep_for(1h);
          corio::event done;
          sender = std::thread([&, p]() { p.post([&] { done.set(); }); });
          co_await done.wait();
        });
      }(),
      corio::virtual_clock{});
  sender.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1h);
}

TEST(Portal, UnderRunOnSubmissionsWakeTheIoContext) {
  boost::asio::io_context io;
  const std::thread::id loop_thread = std::this_thread::get_id();
  std::thread::id ran_on;
  std::thread sender;
  const int got = corio::run_on(io, with_task_group([&](task_group& g) -> task<int> {
    corio::event done;
    int value = 0;
    sender = std::thread([&, p = g.portal()]() {
      value = p.spawn([&]() -> task<int> {
                 ran_on = std::this_thread::get_id();
                 co_return 5;
               }).get();
      p.post([&] { done.set(); });
    });
    co_await done.wait();
    co_return value;
  }));
  sender.join();
  EXPECT_EQ(got, 5);
  EXPECT_EQ(ran_on, loop_thread);
}

// Four loops on four threads; each sends its share of 10^5 children to the
// other three through their portals, and each child answers by a post back
// to its sender's loop. A loop returns once all its answers are in and every
// loop has stopped sending.
TEST(PortalStress, FourLoopsExchangeTasksThroughPortals) {
  constexpr int loops = 4;
  constexpr int per_target = 100000 / (loops * (loops - 1)) + 1;
  std::vector<std::optional<corio::portal>> portals(loops);
  std::latch published(loops);
  std::latch finished(loops);
  std::vector<int> received(loops, 0);  // each written only by its own loop
  std::vector<char> all_values_right(loops, 0);
  auto run_loop = [&](int me) {
    corio::run(with_task_group([&, me](task_group& g) -> task<void> {
      portals[me].emplace(g.portal());
      co_await corio::to_thread([&] { published.arrive_and_wait(); });
      corio::event answered;
      int answers = 0;
      std::vector<std::future<int>> futures;
      futures.reserve(std::size_t{per_target} * (loops - 1));
      for (int round = 0; round < per_target; ++round)
        for (int target = 0; target < loops; ++target) {
          if (target == me) continue;
          futures.push_back(portals[target]->spawn([&, target, round]() -> task<int> {
            ++received[target];
            portals[me]->post([&] {
              if (++answers == per_target * (loops - 1)) answered.set();
            });
            co_return round;
          }));
        }
      co_await answered.wait();
      co_await corio::to_thread([&] {
        bool right = true;  // a child answers just before it fulfils its future
        for (std::size_t i = 0; i < futures.size(); ++i) right = right && futures[i].get() == int(i / (loops - 1));
        all_values_right[me] = right ? 1 : 0;
        finished.arrive_and_wait();
      });
    }));
  };
  std::vector<std::thread> threads;
  threads.reserve(loops);
  for (int i = 0; i < loops; ++i) threads.emplace_back(run_loop, i);
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < loops; ++i) {
    EXPECT_EQ(received[i], per_target * (loops - 1)) << "loop " << i;
    EXPECT_TRUE(all_values_right[i]) << "loop " << i;
  }
}

// Spawns, posts and a cancel from another thread race with the group
// finishing. Whatever the interleaving, every future is ready, a child ran
// exactly for the futures that hold its value or cancelled_error, and a
// post ran exactly when it returned true.
TEST(PortalStress, SpawnAndCancelRaceWithGroupCompletion) {
  constexpr int iterations = 10000;
  std::mt19937 random(26);  // NOLINT(bugprone-random-generator-seed): seeded to be reproducible
  int ran_total = 0, accepted_total = 0, closed_total = 0;
  for (int iteration = 0; iteration < iterations; ++iteration) {
    const int body_yields = int(random() % 4);
    const int sends = 1 + int(random() % 4);
    const int cancel_at = int(random() % 8);  // >= sends: no cancel
    // Half the bodies wait for the racer's first spawn: a fast loop would
    // otherwise close the group before the racer thread has started.
    const bool wait_for_racer = random() % 2 == 0;
    corio::event first_sent;
    std::atomic<int> children_ran{0};
    std::atomic<int> posts_ran{0};
    int posts_accepted = 0;
    std::vector<std::future<int>> futures;
    std::thread racer;
    corio::run(with_task_group([&](task_group& g) -> task<void> {
      racer = std::thread([&, p = g.portal()]() {
        for (int i = 0; i < sends; ++i) {
          if (i == cancel_at) p.cancel();
          futures.push_back(p.spawn([&]() -> task<int> {
            children_ran.fetch_add(1);
            co_await corio::yield();
            co_return 1;
          }));
          if (p.post([&] { posts_ran.fetch_add(1); })) ++posts_accepted;
          if (i == 0) p.post([&] { first_sent.set(); });
        }
      });
      if (wait_for_racer) co_await first_sent.wait();
      for (int i = 0; i < body_yields; ++i) co_await corio::yield();
    }));
    racer.join();
    int accepted = 0;
    for (std::future<int>& f : futures) {
      ASSERT_EQ(f.wait_for(std::chrono::seconds(0)), std::future_status::ready) << "iteration " << iteration;
      const outcome o = outcome_of(f);
      ASSERT_NE(o, outcome::other) << "iteration " << iteration;
      if (o == outcome::closed)
        ++closed_total;
      else
        ++accepted;
    }
    ASSERT_EQ(children_ran.load(), accepted) << "iteration " << iteration;
    ASSERT_EQ(posts_ran.load(), posts_accepted) << "iteration " << iteration;
    ran_total += children_ran.load();
    accepted_total += accepted;
  }
  // Both sides of the race happened.
  EXPECT_GT(accepted_total, 0);
  EXPECT_GT(closed_total, 0);
  EXPECT_EQ(ran_total, accepted_total);
}

}  // namespace
}  // namespace corio_test

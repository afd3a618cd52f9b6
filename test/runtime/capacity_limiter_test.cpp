// capacity_limiter and to_thread's limits: bounds, cancellable waits,
// fairness across loops, and no starvation between loops.
#include <atomic>
#include <future>
#include <latch>
#include <mutex>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::capacity_limiter;
using corio::task_group;
using corio::with_task_group;

// Records the highest number of calls running at once.
struct concurrency_probe {
  std::atomic<int> running{0};
  std::atomic<int> peak{0};
  void enter() {
    const int mine = ++running;
    int seen = peak.load();
    while (mine > seen && !peak.compare_exchange_weak(seen, mine)) {
    }
  }
  void leave() { --running; }
};

TEST(CapacityLimiter, CountsTokensAndRejectsMisuse) {
  capacity_limiter limiter(2);
  EXPECT_EQ(limiter.total_tokens(), 2u);
  EXPECT_TRUE(limiter.try_acquire());
  EXPECT_TRUE(limiter.try_acquire());
  EXPECT_FALSE(limiter.try_acquire());
  EXPECT_EQ(limiter.borrowed_tokens(), 2u);
  EXPECT_EQ(limiter.available_tokens(), 0u);
  limiter.set_total_tokens(1);  // below what is borrowed: nothing is taken back
  EXPECT_EQ(limiter.available_tokens(), 0u);
  limiter.release();
  EXPECT_FALSE(limiter.try_acquire());
  limiter.release();
  EXPECT_EQ(limiter.borrowed_tokens(), 0u);
  EXPECT_THROW(limiter.release(), std::logic_error);
  EXPECT_THROW(limiter.set_total_tokens(0), std::invalid_argument);
  EXPECT_THROW(capacity_limiter(0), std::invalid_argument);
}

TEST(CapacityLimiter, BoundsToThreadCallsWithoutTouchingTheDefaultLimit) {
  capacity_limiter limiter(2);
  concurrency_probe probe;
  corio::run(with_task_group([&](task_group& g) -> task<void> {
    for (int i = 0; i < 6; ++i)
      g.spawn(corio::to_thread(limiter, [&probe] {
        probe.enter();
        std::this_thread::sleep_for(20ms);
        probe.leave();
      }));
    co_return;
  }));
  EXPECT_EQ(probe.peak.load(), 2);
  EXPECT_EQ(limiter.borrowed_tokens(), 0u);
  EXPECT_EQ(corio::to_thread_pool_size(), 40u);
}

// The second call waits for the only token while the first blocks its
// worker; cancelling it ends it at once, without a token and without f.
TEST(CapacityLimiter, WaitingForATokenIsCancellable) {
  capacity_limiter limiter(1);
  std::promise<void> let_first_finish;
  std::shared_future<void> first_may_finish = let_first_finish.get_future().share();
  bool second_ran = false;
  bool second_cancelled = false;
  corio::run(with_task_group([&](task_group& g) -> task<void> {
    g.spawn(corio::to_thread(limiter, [first_may_finish] { first_may_finish.wait(); }));
    co_await corio::yield();  // the first call holds the token
    auto second = g.spawn(corio::to_thread(limiter, [&second_ran] { second_ran = true; }));
    co_await corio::yield();  // the second waits for it
    second.cancel();
    // Bounded: a wait that ignored the cancellation would end only after the first call.
    for (int i = 0; i < 1000 && !second.done(); ++i) co_await corio::yield();
    second_cancelled = second.done() && second.cancelled();
    let_first_finish.set_value();
  }));
  EXPECT_TRUE(second_cancelled);
  EXPECT_FALSE(second_ran);
  EXPECT_EQ(limiter.borrowed_tokens(), 0u);
}

// A token returned on a worker thread wakes the loop of the task waiting
// for it; the loop sleeps meanwhile (waiting is foreign work, not deadlock).
TEST(CapacityLimiter, AReleaseOnAnotherThreadWakesTheWaitingLoop) {
  capacity_limiter limiter(1);
  ASSERT_TRUE(limiter.try_acquire());
  std::thread releaser;
  corio::run([&]() -> task<void> {
    releaser = std::thread([&] {
      std::this_thread::sleep_for(20ms);
      limiter.release();
    });
    co_await limiter.acquire();
    limiter.release();
  }());
  releaser.join();
  EXPECT_EQ(limiter.borrowed_tokens(), 0u);
}

// Four loops each block a to_thread call (made by `blocking_call`) on
// something only a fifth loop's plain to_thread call provides; returns how
// many were released. (The blockers give up after 30 s, so a regression
// fails instead of hanging.)
template <class BlockingCall>
int blockers_released_by_a_fifth_loop(BlockingCall blocking_call) {
  std::promise<void> provided;
  std::shared_future<void> provision = provided.get_future().share();
  std::latch blocked(4);
  std::atomic<int> released{0};
  std::vector<std::thread> loops;
  loops.reserve(4);
  for (int i = 0; i < 4; ++i)
    loops.emplace_back([&] {
      corio::run(blocking_call([&] {
        blocked.count_down();
        if (provision.wait_for(30s) == std::future_status::ready) ++released;
      }));
    });
  loops.emplace_back([&] {
    blocked.wait();
    corio::run(corio::to_thread([&] { provided.set_value(); }));
  });
  for (std::thread& t : loops) t.join();
  return released.load();
}

// The hang of issue 26: with the old pool of 4 workers the fifth call never ran.
TEST(CapacityLimiter, FourBlockedLoopsDoNotStarveAFifth) {
  EXPECT_EQ(blockers_released_by_a_fifth_loop([](auto block) { return corio::to_thread(std::move(block)); }), 4);
}

// The same with the process-wide limit lowered to 4: the blockers hold
// tokens of their own limiter, so the fifth call (default limit) still runs.
TEST(CapacityLimiter, AKindOfWorkWithItsOwnLimiterCannotStarveTheRest) {
  const std::size_t previous = corio::to_thread_pool_size();
  corio::set_to_thread_pool_size(4);
  capacity_limiter blocking(4);
  const int released =
      blockers_released_by_a_fifth_loop([&](auto block) { return corio::to_thread(blocking, std::move(block)); });
  corio::set_to_thread_pool_size(previous);
  EXPECT_EQ(released, 4);
}

// Four loops queue waiters on one shared limiter while its tokens are held
// elsewhere; when they are returned, every waiter gets one exactly once, no
// more than the limit at a time, and each loop's waiters in the order they
// queued (first come, first served).
TEST(CapacityLimiterStress, FairAcrossLoops) {
  constexpr int loops = 4;
  constexpr int waiters_per_loop = 250;
  constexpr std::size_t tokens = 2;
  capacity_limiter limiter(tokens);
  for (std::size_t i = 0; i < tokens; ++i) ASSERT_TRUE(limiter.try_acquire());
  std::latch queued(loops + 1);
  concurrency_probe probe;
  std::vector<std::vector<int>> grant_order(loops);
  std::vector<std::thread> threads;
  threads.reserve(loops);
  for (int l = 0; l < loops; ++l)
    threads.emplace_back([&, l] {
      corio::run(with_task_group([&](task_group& g) -> task<void> {
        for (int i = 0; i < waiters_per_loop; ++i)
          g.spawn([&, i]() -> task<void> {
            co_await limiter.acquire();
            probe.enter();
            grant_order[l].push_back(i);
            co_await corio::yield();
            probe.leave();
            limiter.release();
          });
        co_await corio::yield();  // every waiter has queued
        co_await corio::to_thread([&] { queued.arrive_and_wait(); });
      }));
    });
  queued.arrive_and_wait();
  for (std::size_t i = 0; i < tokens; ++i) limiter.release();
  for (std::thread& t : threads) t.join();
  EXPECT_LE(probe.peak.load(), int(tokens));
  for (int l = 0; l < loops; ++l) {
    ASSERT_EQ(grant_order[l].size(), std::size_t(waiters_per_loop)) << "loop " << l;
    for (int i = 0; i < waiters_per_loop; ++i) ASSERT_EQ(grant_order[l][i], i) << "loop " << l;
  }
  EXPECT_EQ(limiter.borrowed_tokens(), 0u);
}

}  // namespace
}  // namespace corio_test

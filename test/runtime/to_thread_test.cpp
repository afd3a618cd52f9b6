// to_thread: worker pool, results, cancellation, stop tokens, wake-ups.
#include <atomic>
#include <stop_token>
#include <thread>

#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

TEST(ToThread, RunsOnAWorkerAndResumesOnTheLoopThread) {
  const std::thread::id loop_thread = std::this_thread::get_id();
  std::thread::id worker_thread;
  std::thread::id resumed_on;
  const int value = corio::run([](std::thread::id& worker, std::thread::id& resumed) -> task<int> {
    const int v = co_await corio::to_thread(
        [&worker](int a, int b) {
          worker = std::this_thread::get_id();
          return a * b;
        },
        6, 7);
    resumed = std::this_thread::get_id();
    co_return v;
  }(worker_thread, resumed_on));
  EXPECT_EQ(value, 42);
  EXPECT_NE(worker_thread, loop_thread);
  EXPECT_EQ(resumed_on, loop_thread);
}

// Two loops on two threads share the pool; each call comes back to its own loop.
TEST(ToThread, ResumesEachCallerOnItsOwnLoop) {
  auto loop_thread = [](bool& own_thread) {
    const std::thread::id me = std::this_thread::get_id();
    own_thread = corio::run([](std::thread::id home) -> task<bool> {
      bool all_home = true;
      for (int i = 0; i < 20; ++i) {
        co_await corio::to_thread([] { std::this_thread::sleep_for(1ms); });
        all_home = all_home && std::this_thread::get_id() == home;
      }
      co_return all_home;
    }(me));
  };
  bool first = false, second = false;
  std::thread a(loop_thread, std::ref(first));
  std::thread b(loop_thread, std::ref(second));
  a.join();
  b.join();
  EXPECT_TRUE(first);
  EXPECT_TRUE(second);
}

TEST(ToThread, PropagatesTheException) {
  EXPECT_THROW(corio::run([]() -> task<void> { co_await corio::to_thread([] { throw failure(1); }); }()), failure);
}

// f may reference the awaiting frame, so cancellation waits for it to
// return, then throws cancelled_error.
TEST(ToThread, CancellationWaitsForTheCallThenThrowsCancelledError) {
  bool call_finished_first = false;
  bool cancelled = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](bool& finished_first, bool& was_cancelled) -> task<void> {
        std::atomic<bool> frame_local_written{false};  // lives in this frame
        try {
          co_await corio::to_thread([&frame_local_written] {
            std::this_thread::sleep_for(50ms);
            frame_local_written = true;
          });
        } catch (const corio::cancelled_error&) {
          was_cancelled = true;
          finished_first = frame_local_written;
          throw;
        }
      }(call_finished_first, cancelled));
      co_await corio::yield();
      co_await corio::yield();  // the call is running on a worker now
      g.cancel();
    });
  });
  EXPECT_TRUE(cancelled);
  EXPECT_TRUE(call_finished_first);
}

TEST(ToThread, CancellationRequestsStopOnTheStopToken) {
  bool saw_stop = false;
  bool cancelled = false;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](bool& stopped, bool& was_cancelled) -> task<void> {
        try {
          co_await corio::to_thread(
              [&stopped](const std::stop_token& stop, std::chrono::milliseconds limit) {
                const auto give_up = std::chrono::steady_clock::now() + limit;
                while (!stop.stop_requested() && std::chrono::steady_clock::now() < give_up)
                  std::this_thread::sleep_for(1ms);
                stopped = stop.stop_requested();
              },
              std::chrono::milliseconds(10000));
        } catch (const corio::cancelled_error&) {
          was_cancelled = true;
          throw;
        }
      }(saw_stop, cancelled));
      co_await corio::yield();
      co_await corio::yield();
      g.cancel();
    });
  });
  EXPECT_TRUE(saw_stop);
  EXPECT_TRUE(cancelled);
}

TEST(ToThread, AFailureOutranksTheCancellation) {
  std::vector<int> ids;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([&](task_group& g) -> task<void> {
        g.spawn(corio::to_thread([](const std::stop_token& stop) {
          while (!stop.stop_requested()) std::this_thread::sleep_for(1ms);
          throw failure(8);  // thrown after the cancellation: must not be lost
        }));
        co_await corio::yield();
        co_await corio::yield();
        g.cancel();
      });
    } catch (const corio::exception_group& e) {
      ids = failure_ids(e);
    }
  });
  EXPECT_EQ(ids, std::vector<int>{8});
}

TEST(ToThread, IsACancellationPointBeforeStarting) {
  std::atomic<bool> ran{false};
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.cancel();
      try {
        co_await corio::to_thread([&ran] { ran = true; });
      } catch (const corio::cancelled_error&) {  // NOLINT(async-swallowed-cancellation,bugprone-empty-catch): only whether f ran matters
      }
    });
  });
  EXPECT_FALSE(ran);
}

TEST(ToThread, VirtualTimeStandsStillWhileAWorkerRuns) {
  std::chrono::nanoseconds during_call{-1};
  std::chrono::nanoseconds total{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    co_await corio::with_task_group([&](task_group& g) -> task<void> {
      g.spawn(corio::sleep_for(1h));  // a timer that autojump would otherwise reach
      co_await corio::to_thread([] { std::this_thread::sleep_for(20ms); });
      during_call = since(start);
    });
    total = since(start);
  });
  EXPECT_EQ(during_call, 0s);
  EXPECT_EQ(total, 1h);
}

// A loop with nothing but a worker to wait for sleeps until the worker
// completes (one idle wait), instead of polling.
TEST(ToThread, CompletionWakesTheSleepingLoop) {
  std::size_t idle_waits = 0;
  const auto wall_start = std::chrono::steady_clock::now();
  corio::run([](std::size_t& waits) -> task<void> {
    co_await corio::to_thread([] { std::this_thread::sleep_for(100ms); });
    waits = corio::detail::event_loop::current()->idle_waits();
  }(idle_waits));
  const auto wall = std::chrono::steady_clock::now() - wall_start;
  EXPECT_GE(wall, 100ms);
  EXPECT_LT(wall, 5s);
  EXPECT_LE(idle_waits, 2u);
}

TEST(ToThread, PoolIsBoundedAndConfigurable) {
  EXPECT_EQ(corio::to_thread_pool_size(), 40u);
  const std::size_t previous = corio::to_thread_pool_size();
  corio::set_to_thread_pool_size(2);
  std::atomic<int> running{0};
  std::atomic<int> peak{0};
  corio::run([](std::atomic<int>& now_running, std::atomic<int>& max_running) -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int i = 0; i < 6; ++i) {
        g.spawn(corio::to_thread([&now_running, &max_running] {
          const int mine = ++now_running;
          int seen = max_running.load();
          while (mine > seen && !max_running.compare_exchange_weak(seen, mine)) {
          }
          std::this_thread::sleep_for(20ms);
          --now_running;
        }));
      }
      co_return;
    });
  }(running, peak));
  corio::set_to_thread_pool_size(previous);
  EXPECT_EQ(peak.load(), 2);
  EXPECT_THROW(corio::set_to_thread_pool_size(0), std::invalid_argument);
}

}  // namespace
}  // namespace corio_test

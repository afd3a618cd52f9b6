// wait_for_signal: delivery, cancellation, restoring the previous
// disposition, delivery to many waiters on several loops, and run_on.
#include <signal.h>

#include <atomic>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <corio/asio.hpp>
#include <corio/signal.hpp>

#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

const std::initializer_list<int> usr1 = {SIGUSR1};

// SIGUSR1/SIGUSR2 are ignored around each test, so a signal that arrives
// when no task waits is harmless, and the restored disposition is visible.
class Signals : public ::testing::Test {
 protected:
  void SetUp() override {
    ::signal(SIGUSR1, SIG_IGN);
    ::signal(SIGUSR2, SIG_IGN);
  }
  void TearDown() override {
    ::signal(SIGUSR1, SIG_DFL);
    ::signal(SIGUSR2, SIG_DFL);
  }
  static bool ignored(int sig) {
    struct sigaction now {};
    ::sigaction(sig, nullptr, &now);
    return now.sa_handler == SIG_IGN;
  }
};

TEST_F(Signals, ReturnsTheSignalThatArrivedAndRestoresTheDisposition) {
  int got = 0;
  bool handled_while_waiting = false;
  corio::run(with_task_group([&](task_group& g) -> task<void> {
    g.spawn([&]() -> task<void> {
      task<int> signalled = corio::wait_for_signal({SIGUSR1, SIGUSR2});  // g++ 12: no braced list in co_await
      got = co_await std::move(signalled);
    });
    co_await corio::yield();  // the child waits
    handled_while_waiting = !ignored(SIGUSR2);
    ::raise(SIGUSR2);
  }));
  EXPECT_TRUE(handled_while_waiting);
  EXPECT_EQ(got, SIGUSR2);
  EXPECT_TRUE(ignored(SIGUSR1));
  EXPECT_TRUE(ignored(SIGUSR2));
}

TEST_F(Signals, WaitingIsCancellable) {
  bool cancelled = false;
  corio::run(with_task_group([&](task_group& g) -> task<void> {
    g.spawn([&]() -> task<void> {
      try {
        co_await corio::wait_for_signal(usr1);
      } catch (const corio::cancelled_error&) {
        cancelled = true;
        throw;
      }
    });
    co_await corio::yield();
    g.cancel();
  }));
  EXPECT_TRUE(cancelled);
  EXPECT_TRUE(ignored(SIGUSR1));
}

TEST_F(Signals, RejectsSignalsThatCannotBeCaught) {
  EXPECT_THROW(corio::run(corio::wait_for_signal({SIGKILL})), std::invalid_argument);
  EXPECT_THROW(corio::run(corio::wait_for_signal({0})), std::invalid_argument);
  EXPECT_THROW(corio::run(corio::wait_for_signal({})), std::invalid_argument);
}

// The docs' pattern: a signal cancels the group, which ends normally.
TEST_F(Signals, ASignalCancelsAGroup) {
  bool worker_cancelled = false;
  corio::run(with_task_group([&](task_group& g) -> task<void> {
    g.spawn([&]() -> task<void> {
      try {
        co_await corio::sleep_for(1h);
      } catch (const corio::cancelled_error&) {
        worker_cancelled = true;
        throw;
      }
    });
    g.spawn([&]() -> task<void> {
      co_await corio::wait_for_signal(usr1);
      g.cancel();
    });
    co_await corio::to_thread([] {
      std::this_thread::sleep_for(10ms);
      ::kill(::getpid(), SIGUSR1);  // from another thread, while both tasks wait
    });
  }));
  EXPECT_TRUE(worker_cancelled);
}

// Under run_on the wait goes through Asio's signal handling, so the
// program's own signal_set for the same signal still gets it too (a handler
// of corio's own would have replaced Asio's).
TEST_F(Signals, UnderRunOnTheProgramsOwnSignalSetGetsTheSignalToo) {
  boost::asio::io_context io;
  boost::asio::signal_set own(io, SIGUSR1);
  bool own_got = false;
  own.async_wait([&](const boost::system::error_code& ec, int sig) { own_got = !ec && sig == SIGUSR1; });
  const int got = corio::run_on(io, with_task_group([&](task_group& g) -> task<int> {
    auto waiter = g.spawn(corio::wait_for_signal({SIGUSR1}));
    co_await corio::yield();
    ::raise(SIGUSR1);
    co_return co_await std::move(waiter);
  }));
  io.poll();  // the program's handler, if it was not run during run_on
  EXPECT_EQ(got, SIGUSR1);
  EXPECT_TRUE(own_got);
}

// Three loops, each with tasks asleep and tasks waiting for SIGUSR1; another
// thread raises it once every waiter of a round is registered. Each round,
// every waiter on every loop returns SIGUSR1 and the sleepers are undisturbed.
TEST_F(Signals, DeliveryToManyWaitersOnSeveralLoopsWhileOthersWait) {
  constexpr int loops = 3;
  constexpr int rounds = 50;
  constexpr int waiters_per_loop = 4;
  std::atomic<int> registered{0};
  std::atomic<int> delivered{0};
  std::atomic<int> round_done{0};
  std::atomic<bool> all_right{true};
  std::vector<std::thread> threads;
  threads.reserve(loops);
  for (int l = 0; l < loops; ++l)
    threads.emplace_back([&] {
      corio::run(with_task_group([&](task_group& g) -> task<void> {
        g.spawn(corio::sleep_for(1h));  // a task waiting for something else
        for (int round = 0; round < rounds; ++round) {
          co_await with_task_group([&](task_group& r) -> task<void> {
            for (int i = 0; i < waiters_per_loop; ++i)
              r.spawn([&]() -> task<void> {
                task<int> signalled = corio::wait_for_signal({SIGUSR1, SIGUSR2});
                if (co_await std::move(signalled) != SIGUSR1) all_right = false;
                ++delivered;
              });
            co_await corio::yield();  // all have registered
            registered += waiters_per_loop;
          });
          // Wait until every loop is done with this round.
          ++round_done;
          co_await corio::to_thread([&, round] {
            while (round_done.load() < loops * (round + 1)) std::this_thread::yield();
          });
        }
        g.cancel();
      }));
    });
  for (int round = 0; round < rounds; ++round) {
    while (registered.load() < loops * waiters_per_loop * (round + 1)) std::this_thread::yield();
    ::kill(::getpid(), SIGUSR1);
    while (delivered.load() < loops * waiters_per_loop * (round + 1)) std::this_thread::yield();
  }
  for (std::thread& t : threads) t.join();
  EXPECT_TRUE(all_right.load());
  EXPECT_EQ(delivered.load(), loops * waiters_per_loop * rounds);
  EXPECT_TRUE(ignored(SIGUSR1));
}

}  // namespace
}  // namespace corio_test

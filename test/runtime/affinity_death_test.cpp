// Loop-affine operations called from a foreign thread abort with a message,
// in every build: CMakeLists.txt builds this both with and without NDEBUG.
#include <thread>

#include "test_support.hpp"

namespace corio_test {
namespace {

class Affinity : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(Affinity, SemaphoreReleaseFromAForeignThreadAsserts) {
  EXPECT_DEATH(run_virtual([]() -> task<void> {
                 corio::semaphore sem(1);
                 co_await sem.acquire();
                 std::thread intruder([&sem] { sem.release(); });
                 intruder.join();  // NOLINT(async-blocking-call): the foreign call must finish before the loop goes on
               }),
               "corio::semaphore::release called from a thread that is not running");
}

TEST_F(Affinity, EventSetFromAForeignThreadAsserts) {
  EXPECT_DEATH(run_virtual([]() -> task<void> {
                 corio::event ev;
                 ev.clear();  // first use binds it to this loop
                 std::thread intruder([&ev] { ev.set(); });
                 intruder.join();  // NOLINT(async-blocking-call): as above
                 co_return;
               }),
               "corio::event::set called from a thread");
}

TEST_F(Affinity, SpawnFromAForeignThreadAsserts) {
  EXPECT_DEATH(run_virtual([]() -> task<void> {
                 co_await corio::with_task_group([](corio::task_group& g) -> task<void> {
                   std::thread intruder([&g] { g.spawn(corio::sleep_for(1s)); });
                   intruder.join();  // NOLINT(async-blocking-call): as above
                   co_return;
                 });
               }),
               "corio::task_group::spawn called from a thread");
}

TEST_F(Affinity, CancelFromAForeignThreadAsserts) {
  EXPECT_DEATH(run_virtual([]() -> task<void> {
                 co_await corio::with_task_group([](corio::task_group& g) -> task<void> {
                   std::thread intruder([&g] { g.cancel(); });
                   intruder.join();  // NOLINT(async-blocking-call): as above
                   co_return;
                 });
               }),
               "corio::task_group::cancel called from a thread");
}

// The binding is to the first thread that uses the object, also before any
// loop runs; the message names the operation and the thread-safe ways.
TEST_F(Affinity, SemaphoreMadeAndUsedOnOneThreadIsRefusedOnAnother) {
  EXPECT_DEATH(
      {
        corio::semaphore sem(1);
        EXPECT_TRUE(sem.try_acquire());
        std::thread intruder([&sem] { (void)sem.available(); });
        intruder.join();
      },
      "corio::semaphore::available called from a thread .*corio::portal.*corio::capacity_limiter");
}

TEST_F(Affinity, OwnLoopThreadPasses) {
  run_virtual([]() -> task<void> {
    corio::semaphore sem(1);
    co_await sem.acquire();
    sem.release();
  });
}

}  // namespace
}  // namespace corio_test

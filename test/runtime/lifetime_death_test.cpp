// Under ASan, a child holding a reference into its group body's frame after
// the body returned is reported (issue 20, item 4): the body's frame is a
// heap block there, because config.hpp turns coro_await_elidable off.
#include "test_support.hpp"

#ifndef CORIO_NO_AWAIT_ELIDABLE
#error "this test needs a build in which corio elides no frame (ASan, or CORIO_NO_AWAIT_ELIDABLE)"
#endif

namespace corio_test {
namespace {

task<void> read_later(const int& value, int& seen) {
  co_await corio::sleep_for(1s);
  seen = value;  // the body has returned: `value` is gone
}

void dangling_reference_into_the_body() {
  int seen = 0;
  run_virtual([&]() -> task<void> {
    co_await corio::with_task_group([&](corio::task_group& g) -> task<void> {
      int local = 42;  // lives in the body's frame (it is used across a suspension)
      // The bug async-dangling-reference reports, made on purpose for ASan.
      g.spawn(read_later(local, seen));  // NOLINT(async-dangling-reference)
      co_await corio::yield();
      seen = local;
    });
  });
}

TEST(LifetimeDeathTest, AsanReportsAChildReadingTheBodysFrameAfterItReturned) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(dangling_reference_into_the_body(), "AddressSanitizer: heap-use-after-free");
}

}  // namespace
}  // namespace corio_test

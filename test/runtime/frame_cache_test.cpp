// frame_cache: task frames are recycled per thread (off under ASan).
#include <cstddef>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace corio_test {
namespace {

using corio::detail::frame_cache;

#ifdef CORIO_NO_FRAME_CACHE
TEST(FrameCache, OffEveryFrameIsItsOwnHeapBlock) {
  GTEST_SKIP() << "the frame cache is off here (AddressSanitizer, or CORIO_NO_FRAME_CACHE)";
}
#else
// Takes every block this thread's cache may hold (a few of each size
// class), so that the test starts with free slots; gives them back after.
class drained_cache {
 public:
  drained_cache() {
    for (std::size_t size = 64; size <= 2048; size += 64)
      for (int i = 0; i < 4; ++i) held_.emplace_back(frame_cache::allocate(size), size);
  }
  drained_cache(const drained_cache&) = delete;
  drained_cache& operator=(const drained_cache&) = delete;
  ~drained_cache() {
    for (auto [block, size] : held_) frame_cache::deallocate(block, size);
  }

 private:
  std::vector<std::pair<void*, std::size_t>> held_;
};

TEST(FrameCache, AFreedFrameIsReusedForTheNextOfItsSizeClass) {
  const drained_cache drained;
  void* first = frame_cache::allocate(200);
  void* other_class = frame_cache::allocate(600);
  frame_cache::deallocate(other_class, 600);
  frame_cache::deallocate(first, 200);
  void* same_class = frame_cache::allocate(250);  // 200 and 250 both round up to 256 bytes
  void* third = frame_cache::allocate(600);
  EXPECT_EQ(same_class, first);
  EXPECT_EQ(third, other_class);
  frame_cache::deallocate(third, 600);
  frame_cache::deallocate(same_class, 250);
}
#endif

// Tasks go through the cache like any frame: a long chain of spawns and
// awaits reuses blocks and still runs every task exactly once.
TEST(FrameCache, TasksOnRecycledFramesRunOnce) {
  int ran = 0;
  corio::run(corio::with_task_group([&](corio::task_group& g) -> task<void> {
    for (int i = 0; i < 1000; ++i) {
      co_await g.spawn([&]() -> task<void> {
        ++ran;
        co_return;
      });
    }
  }));
  EXPECT_EQ(ran, 1000);
}

}  // namespace
}  // namespace corio_test

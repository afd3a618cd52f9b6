// Stress: a million children, ten thousand groups, seeded cancellation storms.
// Sizes come from CMake: the full sizes of issue 9 in the plain build,
// reduced ones under the sanitizers (see CMakeLists.txt and docs/runtime.md).
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <stop_token>
#include <thread>

#include "test_support.hpp"

#ifndef CORIO_STRESS_CHILDREN
#define CORIO_STRESS_CHILDREN 1000000
#endif
#ifndef CORIO_STRESS_STORM_ROUNDS
#define CORIO_STRESS_STORM_ROUNDS 200
#endif

namespace corio_test {
namespace {

using corio::task_group;
using corio::with_task_group;

// Peak resident memory of the process so far, from /proc (Linux).
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}

void report_peak_memory(const char* what) {
  const long kib = peak_rss_kib();
  ::testing::Test::RecordProperty("peak_rss_kib", std::to_string(kib));
  std::cout << "[ stress   ] " << what << ": peak RSS " << kib / 1024 << " MiB\n";
}

task<void> counted_child(long& finished) {
  co_await corio::yield();
  ++finished;
}

TEST(Stress, MillionChildrenInOneGroup) {
  constexpr long children = CORIO_STRESS_CHILDREN;
  long finished = 0;
  run_virtual([&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (long i = 0; i < children; ++i) g.spawn(counted_child(finished));
      co_return;
    });
  });
  EXPECT_EQ(finished, children);
  report_peak_memory("children in one group");
}

task<void> small_group(int index, long& finished) {
  co_await with_task_group([&](task_group& g) -> task<void> {
    g.spawn(counted_child(finished));
    g.spawn(counted_child(finished));
    if (index % 10 == 0) {
      co_await corio::sleep_for(1ms);
      throw failure(index);
    }
    co_await corio::sleep_for(2ms);
  });
}

TEST(Stress, TenThousandGroupsNestedOneDeep) {
  constexpr int groups = 10000;
  long finished = 0;
  std::size_t nested_failures = 0;
  bool all_nested = true;
  run_virtual([&]() -> task<void> {
    try {
      co_await with_task_group([&](task_group& outer) -> task<void> {
        for (int i = 0; i < groups; ++i) outer.spawn(small_group(i, finished));
        co_return;
      });
    } catch (const corio::exception_group& e) {
      nested_failures = e.exceptions().size();
      for (const auto& inner : e.exceptions()) {
        try {
          std::rethrow_exception(inner);
        } catch (const corio::exception_group& g) {
          all_nested = all_nested && g.contains<failure>();
        } catch (...) {
          all_nested = false;
        }
      }
    }
  });
  // The first failure cancels the rest; every group that had already failed
  // (all fail in the same tick) is reported, each exactly once.
  EXPECT_EQ(nested_failures, std::size_t{groups / 10});
  EXPECT_TRUE(all_nested);
  EXPECT_EQ(finished, 2L * groups);
  report_peak_memory("groups nested one deep");
}

// ---- cancellation storm --------------------------------------------------

struct storm {
  corio::semaphore permits{3};
  corio::event gate;
  int next_id = 0;
  std::mutex thrown_mutex;      // workers throw too
  std::map<int, int> thrown;    // failure id -> times thrown
  int live_tasks = 0;
  int timeouts_absorbed = 0;
};

struct alive {
  explicit alive(storm& s) : s(s) { ++s.live_tasks; }
  ~alive() { --s.live_tasks; }
  alive(const alive&) = delete;
  alive& operator=(const alive&) = delete;
  storm& s;
};

// Any thread: records the throw, then throws.
[[noreturn]] void fail(storm& s, int id) {
  {
    const std::lock_guard<std::mutex> lock(s.thrown_mutex);
    ++s.thrown[id];
  }
  throw failure(id);
}

std::chrono::nanoseconds random_delay(std::mt19937_64& rng) {
  return std::chrono::microseconds(std::uniform_int_distribution<int>(0, 5000)(rng));
}

task<void> storm_task(storm& s, std::uint64_t seed, int depth);

task<void> storm_group(storm& s, std::mt19937_64& rng, int depth) {
  const int children = std::uniform_int_distribution<int>(1, 4)(rng);
  std::vector<std::uint64_t> seeds;
  seeds.reserve(children);
  for (int i = 0; i < children; ++i) seeds.push_back(rng());
  const int action = std::uniform_int_distribution<int>(0, 3)(rng);
  const auto delay = random_delay(rng);
  co_await with_task_group([&](task_group& g) -> task<void> {
    std::vector<corio::join_handle<void>> handles;
    handles.reserve(seeds.size());
    for (std::uint64_t child_seed : seeds) handles.push_back(g.spawn(storm_task(s, child_seed, depth + 1)));
    co_await corio::sleep_for(delay);
    if (action == 0) g.cancel();
    if (action == 1) handles.front().cancel();
    if (action == 2) s.gate.set();
    if (action == 3) co_await handles.back();
  });
}

task<void> storm_task(storm& s, std::uint64_t seed, int depth) {
  const alive guard(s);
  std::mt19937_64 rng(seed);
  const int steps = std::uniform_int_distribution<int>(1, 3)(rng);
  for (int step = 0; step < steps; ++step) {
    const int action = std::uniform_int_distribution<int>(0, depth < 3 ? 9 : 6)(rng);
    switch (action) {
      case 0:
        co_await corio::sleep_for(random_delay(rng));
        break;
      case 1: {
        auto permit = co_await s.permits.hold();
        co_await corio::sleep_for(random_delay(rng));
        break;
      }
      case 2:
        if (!co_await corio::move_on_after(random_delay(rng), s.gate.wait())) s.gate.clear();
        break;
      case 3:
        co_await corio::shielded(corio::sleep_for(random_delay(rng) / 10));
        break;
      case 4:
        if (std::uniform_int_distribution<int>(0, 39)(rng) == 0) fail(s, s.next_id++);
        co_await corio::yield();
        break;
      case 5: {
        const bool throws = std::uniform_int_distribution<int>(0, 39)(rng) == 0;
        const int id = throws ? s.next_id++ : -1;
        co_await corio::to_thread(
            [id, &s](const std::stop_token& stop, std::chrono::microseconds work) {
              const auto until = std::chrono::steady_clock::now() + work;
              while (!stop.stop_requested() && std::chrono::steady_clock::now() < until) std::this_thread::yield();
              if (id >= 0) fail(s, id);
            },
            std::chrono::microseconds(std::uniform_int_distribution<int>(0, 300)(rng)));
        break;
      }
      case 6:
        try {
          co_await corio::with_timeout(random_delay(rng), corio::sleep_for(random_delay(rng)));
        } catch (const corio::timeout_error&) {
          ++s.timeouts_absorbed;
        }
        break;
      case 7:
      case 8:
        co_await storm_group(s, rng, depth);
        break;
      default: {
        const auto limit = random_delay(rng);
        try {
          co_await corio::with_timeout(limit, storm_task(s, rng(), depth + 1));
        } catch (const corio::timeout_error&) {
          ++s.timeouts_absorbed;
        }
        break;
      }
    }
  }
}

// The root of a round: many storm tasks and a canceller that keeps cancelling
// random ones of them, and sometimes the whole group.
task<void> storm_root(storm& s, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  constexpr int width = 64;
  co_await with_task_group([&](task_group& g) -> task<void> {
    std::vector<corio::join_handle<void>> handles;
    handles.reserve(width);
    for (int i = 0; i < width; ++i) handles.push_back(g.spawn(storm_task(s, rng(), 0)));
    for (int i = 0; i < width / 4; ++i) {
      co_await corio::sleep_for(random_delay(rng) / 4);
      handles[std::uniform_int_distribution<std::size_t>(0, width - 1)(rng)].cancel();
    }
    if (std::uniform_int_distribution<int>(0, 2)(rng) == 0) g.cancel();
  });
}

// Every failure id found in the exception tree, counted.
void collect_failures(const std::exception_ptr& error, std::map<int, int>& seen, int& unexpected) {
  try {
    std::rethrow_exception(error);
  } catch (const failure& f) {
    ++seen[f.id];
  } catch (const corio::exception_group& g) {
    for (const auto& member : g.exceptions()) collect_failures(member, seen, unexpected);
  } catch (...) {
    ++unexpected;  // a stray cancelled_error, timeout_error or logic_error
  }
}

std::uint64_t storm_seed() {
  if (const char* env = std::getenv("CORIO_STRESS_SEED")) return std::strtoull(env, nullptr, 10);
  return std::random_device{}();
}

TEST(Stress, SeededCancellationStorms) {
  const std::uint64_t seed = storm_seed();
  RecordProperty("CORIO_STRESS_SEED", std::to_string(seed));
  std::cout << "[ stress   ] cancellation storm: CORIO_STRESS_SEED=" << seed << " reproduces this run\n";
  std::mt19937_64 seeds(seed);
  int total_thrown = 0;
  int total_timeouts = 0;
  for (int round = 0; round < CORIO_STRESS_STORM_ROUNDS; ++round) {
    storm s;
    std::map<int, int> seen;
    int unexpected = 0;
    const std::uint64_t round_seed = seeds();
    run_virtual([&]() -> task<void> {
      try {
        co_await storm_root(s, round_seed);
      } catch (...) {
        collect_failures(std::current_exception(), seen, unexpected);
      }
    });
    ASSERT_EQ(unexpected, 0) << "round " << round << " (seed " << seed << ")";
    ASSERT_EQ(seen, s.thrown) << "round " << round << ": every failure exactly once (seed " << seed << ")";
    ASSERT_EQ(s.live_tasks, 0) << "round " << round << " (seed " << seed << ")";
    ASSERT_EQ(s.permits.available(), 3) << "round " << round << " (seed " << seed << ")";
    total_thrown += static_cast<int>(s.thrown.size());
    total_timeouts += s.timeouts_absorbed;
  }
  std::cout << "[ stress   ] cancellation storm: " << total_thrown << " failures and " << total_timeouts
            << " timeouts accounted for\n";
  report_peak_memory("cancellation storm");
}

}  // namespace
}  // namespace corio_test

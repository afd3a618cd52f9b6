// 10^5 sleeps with random deadlines: on virtual time (the loop jumps from
// deadline to deadline) and on real time with zero delays.
#include <benchmark/benchmark.h>

#include <corio/corio.hpp>

#include <chrono>
#include <random>
#include <vector>

#include "allocation_counter.hpp"

namespace {

constexpr std::int64_t timers = 100000;

corio::task<void> sleeper(std::chrono::nanoseconds d) { co_await corio::sleep_for(d); }

corio::task<void> all_sleepers(const std::vector<std::chrono::nanoseconds>& delays) {
  co_await corio::with_task_group([&](corio::task_group& group) -> corio::task<void> {
    for (auto d : delays) group.spawn(sleeper(d));
    co_return;
  });
}

std::vector<std::chrono::nanoseconds> random_delays(bool zero) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> ms(0, 10000);
  std::vector<std::chrono::nanoseconds> delays(timers);
  for (auto& d : delays) d = zero ? std::chrono::nanoseconds(0) : std::chrono::milliseconds(ms(rng));
  return delays;
}

void corio_timers_virtual_time(benchmark::State& state) {
  const auto delays = random_delays(false);
  const corio_bench::per_item_memory_counters memory(state, timers);
  for (auto _ : state) corio::run(all_sleepers(delays), corio::virtual_clock{});
  state.SetItemsProcessed(state.iterations() * timers);
}
BENCHMARK(corio_timers_virtual_time)->Unit(benchmark::kMillisecond);

void corio_timers_real_time_zero_delay(benchmark::State& state) {
  const auto delays = random_delays(true);
  const corio_bench::per_item_memory_counters memory(state, timers);
  for (auto _ : state) corio::run(all_sleepers(delays));
  state.SetItemsProcessed(state.iterations() * timers);
}
BENCHMARK(corio_timers_real_time_zero_delay)->Unit(benchmark::kMillisecond);

}  // namespace

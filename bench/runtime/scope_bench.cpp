// The cost of entering and leaving a scope: with_timeout, move_on_after and
// shielded around a task that finishes without suspending (the deadline is
// armed and disarmed each time), and move_on_after whose deadline expires
// (arm, fire, cancel the parked task, unwind, absorb).
#include <benchmark/benchmark.h>

#include <corio/corio.hpp>

#include <chrono>
#include <cstdint>

#include "allocation_counter.hpp"

namespace {

using namespace std::chrono_literals;

constexpr std::int64_t scopes = 100000;

corio::task<int> ready_value(int v) { co_return v; }

void corio_with_timeout_enter_leave(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, scopes);
  for (auto _ : state) {
    corio::run([]() -> corio::task<void> {
      std::int64_t sum = 0;
      for (std::int64_t i = 0; i < scopes; ++i) sum += co_await corio::with_timeout(1h, ready_value(1));
      benchmark::DoNotOptimize(sum);
    }());
  }
  state.SetItemsProcessed(state.iterations() * scopes);
}
BENCHMARK(corio_with_timeout_enter_leave)->Unit(benchmark::kMillisecond);

void corio_move_on_after_enter_leave(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, scopes);
  for (auto _ : state) {
    corio::run([]() -> corio::task<void> {
      std::int64_t sum = 0;
      for (std::int64_t i = 0; i < scopes; ++i) sum += *co_await corio::move_on_after(1h, ready_value(1));
      benchmark::DoNotOptimize(sum);
    }());
  }
  state.SetItemsProcessed(state.iterations() * scopes);
}
BENCHMARK(corio_move_on_after_enter_leave)->Unit(benchmark::kMillisecond);

void corio_shielded_enter_leave(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, scopes);
  for (auto _ : state) {
    corio::run([]() -> corio::task<void> {
      std::int64_t sum = 0;
      for (std::int64_t i = 0; i < scopes; ++i) sum += co_await corio::shielded(ready_value(1));
      benchmark::DoNotOptimize(sum);
    }());
  }
  state.SetItemsProcessed(state.iterations() * scopes);
}
BENCHMARK(corio_shielded_enter_leave)->Unit(benchmark::kMillisecond);

// Virtual time: each expiry is a jump to the deadline, not a real wait.
void corio_move_on_after_expiry(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, scopes);
  for (auto _ : state) {
    corio::run(
        []() -> corio::task<void> {
          std::int64_t expired = 0;
          for (std::int64_t i = 0; i < scopes; ++i)
            expired += co_await corio::move_on_after(1ms, corio::sleep_for(1h)) ? 0 : 1;
          benchmark::DoNotOptimize(expired);
        }(),
        corio::virtual_clock{});
  }
  state.SetItemsProcessed(state.iterations() * scopes);
}
BENCHMARK(corio_move_on_after_expiry)->Unit(benchmark::kMillisecond);

}  // namespace

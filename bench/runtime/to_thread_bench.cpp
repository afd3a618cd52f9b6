// to_thread round trip against std::async(std::launch::async).
#include <benchmark/benchmark.h>

#include <corio/corio.hpp>

#include <future>

namespace {

constexpr std::int64_t calls = 2000;

int answer() { return 42; }

corio::task<std::int64_t> to_thread_calls() {
  std::int64_t sum = 0;
  for (std::int64_t i = 0; i < calls; ++i) sum += co_await corio::to_thread(answer);
  co_return sum;
}

void corio_to_thread_round_trip(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(corio::run(to_thread_calls()));
  state.SetItemsProcessed(state.iterations() * calls);
}
BENCHMARK(corio_to_thread_round_trip)->Unit(benchmark::kMillisecond)->UseRealTime();

void std_async_round_trip(benchmark::State& state) {
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::int64_t i = 0; i < calls; ++i) sum += std::async(std::launch::async, answer).get();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * calls);
}
BENCHMARK(std_async_round_trip)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

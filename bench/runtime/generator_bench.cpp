// Pulling values: generator<T>::next() on a body that yields without
// suspending, against awaiting a task that returns the same value (the
// cost a generator's next() is measured against: one resumption and one
// return to the consumer each).
#include <benchmark/benchmark.h>

#include <corio/corio.hpp>

#include <cstdint>
#include <optional>

namespace {

constexpr std::int64_t values = 1000000;

corio::generator<std::int64_t> count_up(std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) co_yield i;
}

corio::task<std::int64_t> sum_generated() {
  corio::generator<std::int64_t> gen = count_up(values);
  std::int64_t sum = 0;
  while (std::optional<std::int64_t> v = co_await gen.next()) sum += *v;
  co_return sum;
}

void corio_generator_next(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(corio::run(sum_generated()));
  state.SetItemsProcessed(state.iterations() * values);
}
BENCHMARK(corio_generator_next)->Unit(benchmark::kMillisecond);

corio::task<std::int64_t> identity(std::int64_t i) { co_return i; }

corio::task<std::int64_t> sum_awaited() {
  std::int64_t sum = 0;
  for (std::int64_t i = 0; i < values; ++i) sum += co_await identity(i);
  co_return sum;
}

void corio_task_await(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(corio::run(sum_awaited()));
  state.SetItemsProcessed(state.iterations() * values);
}
BENCHMARK(corio_task_await)->Unit(benchmark::kMillisecond);

}  // namespace

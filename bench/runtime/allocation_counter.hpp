// Counts heap allocations made by this process (operator new is replaced in
// allocation_counter.cpp), so a benchmark can report bytes per task.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>

namespace corio_bench {

struct allocation_totals {
  std::size_t count = 0;
  std::size_t bytes = 0;
};

// Allocations since the program started, on every thread.
allocation_totals allocations();

// Minor page faults of the process so far: how often fresh memory was
// touched, which is what makes 10^6 live frames cost more per frame than 10^3.
std::size_t minor_page_faults();

// What a scope allocates: totals at the end minus totals at construction.
class allocation_scope {
 public:
  allocation_scope() : start_(allocations()) {}
  allocation_totals delta() const {
    allocation_totals now = allocations();
    return {now.count - start_.count, now.bytes - start_.bytes};
  }

 private:
  allocation_totals start_;
};

// Spans a benchmark's timed loop and reports heap allocations and minor page
// faults per processed item as counters.
class per_item_memory_counters {
 public:
  per_item_memory_counters(benchmark::State& state, std::int64_t items_per_iteration)
      : state_(state), items_per_iteration_(items_per_iteration), faults_(minor_page_faults()) {}
  ~per_item_memory_counters() {
    const double items = double(state_.iterations() * items_per_iteration_);
    state_.counters["allocations_per_item"] = double(allocations_.delta().count) / items;
    state_.counters["page_faults_per_item"] = double(minor_page_faults() - faults_) / items;
  }
  per_item_memory_counters(const per_item_memory_counters&) = delete;
  per_item_memory_counters& operator=(const per_item_memory_counters&) = delete;

 private:
  benchmark::State& state_;
  std::int64_t items_per_iteration_;
  allocation_scope allocations_;
  std::size_t faults_;
};

}  // namespace corio_bench

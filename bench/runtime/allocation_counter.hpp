// Counts heap allocations made by this process (operator new is replaced in
// allocation_counter.cpp), so a benchmark can report bytes per task.
#pragma once

#include <cstddef>

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

}  // namespace corio_bench

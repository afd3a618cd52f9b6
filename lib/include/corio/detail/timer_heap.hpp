// timer_heap: pending sleeps and deadlines, earliest first.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace corio::detail {

// A timer lives in the frame of whoever armed it (a sleep, a deadline
// scope); the heap only points to it, so arming allocates nothing beyond
// amortised growth of the heap's array.
struct timer {
  using time_point = std::chrono::steady_clock::time_point;
  // At equal times wake-ups fire before deadlines: a task whose sleep ends
  // in the same tick as its deadline is resumed normally and finishes.
  enum class kind : std::uint8_t { wake_up = 0, deadline = 1 };
  static constexpr std::size_t not_armed = static_cast<std::size_t>(-1);

  time_point when{};
  std::size_t heap_index = not_armed;
  kind order = kind::wake_up;
  void (*fire)(timer&) noexcept = nullptr;

  bool armed() const noexcept { return heap_index != not_armed; }
};

class timer_heap {
 public:
  using time_point = timer::time_point;

  bool empty() const noexcept { return heap_.empty(); }
  timer& top() const noexcept { return *heap_.front().target; }
  time_point next_due() const noexcept { return heap_.front().when; }

  void push(timer& t) {
    // Grow first (geometrically): the only step that can throw happens
    // before the timer is touched.
    if (heap_.size() == heap_.capacity()) heap_.reserve(heap_.empty() ? 16 : 2 * heap_.capacity());
    // The kind outranks the arming order, which breaks the remaining ties (FIFO).
    const std::uint64_t tie_break = (std::uint64_t(t.order) << 63) | next_sequence_++;
    heap_.push_back({t.when, tie_break, &t});
    sift_up(heap_.size() - 1);
  }

  void remove(timer& t) noexcept {
    const std::size_t index = t.heap_index;
    t.heap_index = timer::not_armed;
    const entry last = heap_.back();
    heap_.pop_back();
    if (last.target == &t) return;
    place(index, last);
    // Where `last` ended up is known here: reading it back from the timer
    // would be one more cache miss.
    sift_down(sift_up(index));
  }

  timer& pop() noexcept {
    timer& t = top();
    remove(t);
    return t;
  }

 private:
  // The sort key is copied into the heap's own array: sifting compares
  // contiguous entries instead of chasing pointers into scattered frames
  // (with 10^5 timers every such load was a cache miss). Four children per
  // node halve the depth a pop walks down; siblings share cache lines.
  static constexpr std::size_t arity = 4;
  struct entry {
    time_point when;
    std::uint64_t tie_break;
    timer* target;
  };

  static bool earlier(const entry& a, const entry& b) noexcept {
    if (a.when != b.when) return a.when < b.when;
    return a.tie_break < b.tie_break;
  }
  void place(std::size_t index, const entry& e) noexcept {
    heap_[index] = e;
    e.target->heap_index = index;
  }
  // Returns the entry's final index.
  std::size_t sift_up(std::size_t index) noexcept {
    const entry e = heap_[index];
    while (index > 0) {
      const std::size_t parent = (index - 1) / arity;
      if (!earlier(e, heap_[parent])) break;
      place(index, heap_[parent]);
      index = parent;
    }
    place(index, e);
    return index;
  }
  void sift_down(std::size_t index) noexcept {
    const entry e = heap_[index];
    const std::size_t size = heap_.size();
    for (;;) {
      const std::size_t first = arity * index + 1;
      if (first >= size) break;
      std::size_t child = first;
      for (std::size_t c = first + 1; c < first + arity && c < size; ++c)
        if (earlier(heap_[c], heap_[child])) child = c;
      if (!earlier(heap_[child], e)) break;
      place(index, heap_[child]);
      index = child;
    }
    place(index, e);
  }

  std::vector<entry> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace corio::detail

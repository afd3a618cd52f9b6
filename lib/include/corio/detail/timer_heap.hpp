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
  std::uint64_t sequence = 0;  // arming order breaks the remaining ties: FIFO
  std::size_t heap_index = not_armed;
  kind order = kind::wake_up;
  void (*fire)(timer&) noexcept = nullptr;

  bool armed() const noexcept { return heap_index != not_armed; }
};

class timer_heap {
 public:
  bool empty() const noexcept { return heap_.empty(); }
  timer& top() const noexcept { return *heap_.front(); }

  void push(timer& t) {
    // Grow first (geometrically): the only step that can throw happens
    // before the timer is touched.
    if (heap_.size() == heap_.capacity()) heap_.reserve(heap_.empty() ? 16 : 2 * heap_.capacity());
    t.sequence = next_sequence_++;
    t.heap_index = heap_.size();
    heap_.push_back(&t);
    sift_up(t.heap_index);
  }

  void remove(timer& t) noexcept {
    const std::size_t index = t.heap_index;
    t.heap_index = timer::not_armed;
    timer* last = heap_.back();
    heap_.pop_back();
    if (last == &t) return;
    place(index, last);
    sift_up(index);
    sift_down(last->heap_index);
  }

  timer& pop() noexcept {
    timer& t = top();
    remove(t);
    return t;
  }

 private:
  static bool earlier(const timer* a, const timer* b) noexcept {
    if (a->when != b->when) return a->when < b->when;
    if (a->order != b->order) return a->order < b->order;
    return a->sequence < b->sequence;
  }
  void place(std::size_t index, timer* t) noexcept {
    heap_[index] = t;
    t->heap_index = index;
  }
  void sift_up(std::size_t index) noexcept {
    timer* t = heap_[index];
    while (index > 0) {
      const std::size_t parent = (index - 1) / 2;
      if (!earlier(t, heap_[parent])) break;
      place(index, heap_[parent]);
      index = parent;
    }
    place(index, t);
  }
  void sift_down(std::size_t index) noexcept {
    timer* t = heap_[index];
    const std::size_t size = heap_.size();
    for (;;) {
      std::size_t child = 2 * index + 1;
      if (child >= size) break;
      if (child + 1 < size && earlier(heap_[child + 1], heap_[child])) ++child;
      if (!earlier(heap_[child], t)) break;
      place(index, heap_[child]);
      index = child;
    }
    place(index, t);
  }

  std::vector<timer*> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace corio::detail

// frame_cache: task frames recycled per thread.
#pragma once

#include <array>
#include <cstddef>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) && !defined(CORIO_NO_FRAME_CACHE)
#define CORIO_NO_FRAME_CACHE 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(CORIO_NO_FRAME_CACHE)
#define CORIO_NO_FRAME_CACHE 1
#endif

namespace corio::detail {

// A task frame freed on a thread is kept for the next frame of the same
// size class that thread allocates, as Asio recycles its own coroutine
// frames: a spawn that finishes before the next one starts (or a task
// awaited in a loop) then reuses one block instead of a malloc/free pair.
// A few blocks per thread at most; they go back to the heap when the thread
// ends. Off (every frame its own heap block) under AddressSanitizer, which
// must see a reference into a finished frame as a use after free, and
// wherever CORIO_NO_FRAME_CACHE is defined.
class frame_cache {
 public:
  static void* allocate(std::size_t size) {
#ifndef CORIO_NO_FRAME_CACHE
    if (size <= largest) {
      const std::size_t rounded = round_up(size);
      for (entry& e : cache().entries) {
        if (e.block != nullptr && e.size == rounded) {
          e.size = 0;
          void* block = e.block;
          e.block = nullptr;
          return block;
        }
      }
      return ::operator new(rounded);
    }
#endif
    return ::operator new(size);
  }

  static void deallocate(void* block, std::size_t size) noexcept {
#ifndef CORIO_NO_FRAME_CACHE
    if (size <= largest) {
      const std::size_t rounded = round_up(size);
      thread_cache& c = cache();
      if (!c.closed) {
        for (entry& e : c.entries) {
          if (e.block == nullptr) {
            e.block = block;
            e.size = rounded;
            c.flush_at_thread_exit();
            return;
          }
        }
      }
      ::operator delete(block, rounded);
      return;
    }
#endif
    ::operator delete(block, size);
  }

 private:
  static constexpr std::size_t granule = 64;
  static constexpr std::size_t largest = 2048;
  static constexpr std::size_t slots = 4;

  static constexpr std::size_t round_up(std::size_t size) noexcept { return (size + granule - 1) / granule * granule; }

  struct entry {
    void* block;
    std::size_t size;
  };

  // Trivially destructible, so it stays usable until the thread's storage
  // goes: frames freed by later thread-exit code then go to the heap.
  struct thread_cache {
    std::array<entry, slots> entries;
    bool closed;
    bool flush_registered;

    void flush_at_thread_exit() noexcept {
      if (flush_registered) return;
      flush_registered = true;
      static thread_local const flusher at_exit;
      (void)at_exit;
    }
  };

  struct flusher {
    flusher() noexcept = default;
    flusher(const flusher&) = delete;
    flusher& operator=(const flusher&) = delete;
    ~flusher() {
      thread_cache& c = cache();
      c.closed = true;
      for (entry& e : c.entries) {
        if (e.block != nullptr) ::operator delete(e.block, e.size);
        e = {nullptr, 0};
      }
    }
  };

  static thread_cache& cache() noexcept {
    thread_local constinit thread_cache c{};
    return c;
  }
};

}  // namespace corio::detail

// inline_cancellation_signal: an Asio cancellation signal that keeps the
// operation's cancellation handler inside itself.
#pragma once

#include <cstddef>
#include <new>
#include <utility>

#include "corio/detail/asio_config.hpp"

namespace corio::detail {

// Asio's cancellation_signal puts the handler an operation emplaces into
// its slot in memory from Asio's per-thread recycling allocator, taken and
// given back once per operation. This one lives in the awaiting task's
// frame (asio_op) and constructs the handler in place when it fits: no
// allocation. Asio's operations take any type as a handler's associated
// slot and ask it only for is_connected() and emplace() (cancellation_state
// and composed operations included), in Boost.Asio and standalone Asio.
class inline_cancellation_signal {
 public:
  using cancellation_type = asio_ns::net::cancellation_type_t;

  class slot_type {
   public:
    slot_type() noexcept = default;
    explicit slot_type(inline_cancellation_signal& signal) noexcept : signal_(&signal) {}

    bool is_connected() const noexcept { return signal_ != nullptr; }
    bool has_handler() const noexcept { return signal_ != nullptr && signal_->handler_ != nullptr; }

    // Replaces the handler, as Asio's slots do.
    template <class Handler, class... Args>
    Handler& emplace(Args&&... args) {
      return signal_->emplace<Handler>(std::forward<Args>(args)...);
    }
    template <class Handler>
    std::decay_t<Handler>& assign(Handler&& handler) {
      return emplace<std::decay_t<Handler>>(std::forward<Handler>(handler));
    }
    void clear() noexcept {
      if (signal_ != nullptr) signal_->clear();
    }

   private:
    inline_cancellation_signal* signal_ = nullptr;
  };

  inline_cancellation_signal() noexcept = default;
  ~inline_cancellation_signal() { clear(); }
  inline_cancellation_signal(const inline_cancellation_signal&) = delete;
  inline_cancellation_signal& operator=(const inline_cancellation_signal&) = delete;

  slot_type slot() noexcept { return slot_type(*this); }

  void emit(cancellation_type type) {
    if (handler_ != nullptr) call_(handler_, type);
  }

 private:
  // Fits co_spawn's cancellation handler (a signal and an any_io_executor:
  // 64 bytes with Boost 1.81) and the socket and timer services' smaller
  // ones; a larger handler goes to the heap.
  static constexpr std::size_t inline_size = 64;

  template <class Handler, class... Args>
  Handler& emplace(Args&&... args) {
    clear();
    Handler* handler;
    if constexpr (sizeof(Handler) <= inline_size && alignof(Handler) <= alignof(std::max_align_t)) {
      handler = ::new (static_cast<void*>(storage_)) Handler(std::forward<Args>(args)...);
      destroy_ = [](void* h) noexcept { static_cast<Handler*>(h)->~Handler(); };
    } else {
      handler = new Handler(std::forward<Args>(args)...);
      destroy_ = [](void* h) noexcept { delete static_cast<Handler*>(h); };
    }
    call_ = [](void* h, cancellation_type type) { (*static_cast<Handler*>(h))(type); };
    handler_ = handler;
    return *handler;
  }

  void clear() noexcept {
    if (handler_ != nullptr) destroy_(std::exchange(handler_, nullptr));
  }

  alignas(std::max_align_t) unsigned char storage_[inline_size];
  void* handler_ = nullptr;
  void (*call_)(void*, cancellation_type) = nullptr;
  void (*destroy_)(void*) noexcept = nullptr;
};

}  // namespace corio::detail

#pragma once
#include <coroutine>
#include <exception>
namespace cppcoro {
namespace detail {
struct generator_sentinel {};
template <class T> class generator_iterator {
public:
  generator_iterator &operator++();
  T &operator*() const noexcept;
  friend bool operator==(const generator_iterator &, generator_sentinel) noexcept { return true; }
  friend bool operator!=(const generator_iterator &, generator_sentinel) noexcept { return false; }
};
} // namespace detail
template <class T> class generator {
public:
  using iterator = detail::generator_iterator<T>;
  iterator begin();
  detail::generator_sentinel end() noexcept;
  struct promise_type {
    generator get_return_object() noexcept;
    std::suspend_always initial_suspend() const noexcept;
    std::suspend_always final_suspend() const noexcept;
    std::suspend_always yield_value(T value) noexcept;
    void unhandled_exception();
    void return_void() noexcept;
  };
};
} // namespace cppcoro

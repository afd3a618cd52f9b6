#pragma once
#include <coroutine>
#include <exception>
namespace cppcoro {
template <class T> class generator {
public:
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

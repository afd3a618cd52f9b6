#pragma once
#include <coroutine>
#include <exception>
namespace folly::coro {
template <class Reference> class AsyncGenerator {
public:
  struct promise_type {
    AsyncGenerator get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    std::suspend_always yield_value(Reference value);
    template <class A> A &&await_transform(A &&a);
    void unhandled_exception();
    void return_void() noexcept;
  };
};
} // namespace folly::coro

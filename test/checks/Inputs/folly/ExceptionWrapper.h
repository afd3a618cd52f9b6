// Mock of folly/ExceptionWrapper.h: a type-erased exception, built from the
// one being handled.
#pragma once
#include <exception>
namespace folly {
class exception_wrapper {
public:
  exception_wrapper() noexcept;
  explicit exception_wrapper(std::exception_ptr const &ptr) noexcept;
  template <class Ex> exception_wrapper(std::exception_ptr const &ptr, Ex &ex) noexcept;
  void throw_exception() const;
};
} // namespace folly

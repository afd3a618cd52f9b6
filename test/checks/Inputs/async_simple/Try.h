#pragma once
#include <exception>
namespace async_simple {
template <class T> class Try {
public:
  bool hasError() const;
  std::exception_ptr getException() const;
  void setException(std::exception_ptr error);
  T &value() &;
};
template <> class Try<void> {
public:
  bool hasError() const;
  std::exception_ptr getException() const;
  void value() const;
};
} // namespace async_simple

// Mock of folly/Try.h: a value or the exception that replaced it.
#pragma once
#include <exception>
namespace folly {
template <class T> class Try {
public:
  bool hasValue() const;
  bool hasException() const;
  T &value() &;
};
template <> class Try<void> {
public:
  bool hasValue() const;
  bool hasException() const;
  void value() const;
};
} // namespace folly

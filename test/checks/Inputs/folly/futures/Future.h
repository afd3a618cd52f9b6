#pragma once
namespace folly {
class Executor {
public:
  virtual ~Executor();
};
template <class T> class Try;
template <class T> class SemiFuture {
public:
  SemiFuture(SemiFuture &&) noexcept;
  ~SemiFuture();
  T get() &&;
  void wait() &;
};
template <class T> class Future {
public:
  T get() &&;
};
} // namespace folly

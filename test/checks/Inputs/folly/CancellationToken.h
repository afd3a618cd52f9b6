// Mock of folly/CancellationToken.h: the token and its source.
#pragma once
namespace folly {
class CancellationToken {
public:
  CancellationToken() noexcept;
  CancellationToken(const CancellationToken &) noexcept;
  ~CancellationToken();
  bool isCancellationRequested() const noexcept;
};
class CancellationSource {
public:
  CancellationSource();
  CancellationToken getToken() const noexcept;
  bool requestCancellation() const noexcept;
};
} // namespace folly

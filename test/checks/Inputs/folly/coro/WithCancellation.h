// Mock of folly/coro/WithCancellation.h: co_withCancellation is a
// customisation-point object, as FOLLY_DEFINE_CPO declares it.
#pragma once
#include "../CancellationToken.h"
namespace folly::coro {
namespace detail::adl {
struct WithCancellationFunction {
  template <class Awaitable>
  Awaitable &&operator()(const folly::CancellationToken &cancelToken,
                         Awaitable &&awaitable) const noexcept;
};
} // namespace detail::adl
inline constexpr detail::adl::WithCancellationFunction co_withCancellation{};
} // namespace folly::coro

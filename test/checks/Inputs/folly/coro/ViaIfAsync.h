// Mock of co_awaitTry from folly/coro/ViaIfAsync.h: the awaited result, an
// exception included, arrives as a folly::Try.
#pragma once
#include "../../mock_coroutine_support.h"
#include "../Try.h"
#include <type_traits>

namespace folly::coro {
namespace detail {
template <typename T> class TryAwaitable {
public:
  explicit TryAwaitable(T &&inner);
  mock_detail::awaiter<folly::Try<int>> operator co_await() &&;
};
} // namespace detail
template <typename Awaitable>
detail::TryAwaitable<std::remove_cvref_t<Awaitable>> co_awaitTry(Awaitable &&awaitable);
} // namespace folly::coro

// Mock of folly/coro/Nothrow.h: co_nothrow(awaitable) hands an error to the
// awaiting coroutine's own awaiter instead of throwing it into its body (the
// real Task promise does that in await_transform; the mock awaits it
// directly).
#pragma once
#include "../../mock_coroutine_support.h"
#include <type_traits>
#include <utility>

namespace folly::coro {
namespace detail {
template <typename T> class NothrowAwaitable {
public:
  explicit NothrowAwaitable(T &&inner);
  mock_detail::awaiter<int> operator co_await() &&;
};
} // namespace detail
template <typename Awaitable>
detail::NothrowAwaitable<std::remove_cvref_t<Awaitable>> co_nothrow(Awaitable &&awaitable);
} // namespace folly::coro

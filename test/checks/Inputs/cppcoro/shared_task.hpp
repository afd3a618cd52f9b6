#pragma once
#include "../mock_coroutine_support.h"
namespace cppcoro {
template <class T = void> class [[nodiscard]] shared_task {
public:
  using promise_type = mock_detail::promise_base<shared_task<T>, T>;
  mock_detail::awaiter<T> operator co_await() const noexcept;
};
} // namespace cppcoro

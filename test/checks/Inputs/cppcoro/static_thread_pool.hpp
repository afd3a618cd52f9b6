#pragma once
#include "../mock_coroutine_support.h"
namespace cppcoro {
class static_thread_pool {
public:
  static_thread_pool();
  mock_detail::awaiter<void> schedule() noexcept;
};
} // namespace cppcoro

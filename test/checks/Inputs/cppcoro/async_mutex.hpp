#pragma once
#include "../mock_coroutine_support.h"
#include <mutex>
namespace cppcoro {
class async_mutex_lock {
public:
  explicit async_mutex_lock(class async_mutex &m, std::adopt_lock_t) noexcept;
  async_mutex_lock(async_mutex_lock &&) noexcept;
  ~async_mutex_lock();
};
class async_mutex {
public:
  async_mutex() noexcept;
  bool try_lock() noexcept;
  mock_detail::awaiter<void> lock_async() noexcept;
  mock_detail::awaiter<async_mutex_lock> scoped_lock_async() noexcept;
  void unlock();
};
} // namespace cppcoro

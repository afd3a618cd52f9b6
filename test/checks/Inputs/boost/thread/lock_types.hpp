// Mock of Boost.Thread's movable locks (boost/thread/lock_types.hpp).
#pragma once
#include <boost/thread/lock_options.hpp>
namespace boost {
template <typename Mutex> class unique_lock {
public:
  unique_lock() noexcept;
  explicit unique_lock(Mutex &m);
  unique_lock(Mutex &m, adopt_lock_t);
  unique_lock(Mutex &m, defer_lock_t) noexcept;
  unique_lock(Mutex &m, try_to_lock_t);
  unique_lock(unique_lock &&other) noexcept;
  unique_lock &operator=(unique_lock &&other) noexcept;
  ~unique_lock();
  void lock();
  bool try_lock();
  void unlock();
  Mutex *release() noexcept;
  bool owns_lock() const noexcept;
  Mutex *mutex() const noexcept;
};
template <typename Mutex> class shared_lock {
public:
  shared_lock() noexcept;
  explicit shared_lock(Mutex &m);
  shared_lock(Mutex &m, adopt_lock_t);
  shared_lock(Mutex &m, defer_lock_t) noexcept;
  shared_lock(shared_lock &&other) noexcept;
  shared_lock &operator=(shared_lock &&other) noexcept;
  ~shared_lock();
  void lock();
  bool try_lock();
  void unlock();
  Mutex *release() noexcept;
  bool owns_lock() const noexcept;
};
template <typename Mutex> class upgrade_lock {
public:
  upgrade_lock() noexcept;
  explicit upgrade_lock(Mutex &m);
  upgrade_lock(Mutex &m, defer_lock_t) noexcept;
  upgrade_lock(upgrade_lock &&other) noexcept;
  ~upgrade_lock();
  void lock();
  void unlock();
  Mutex *release() noexcept;
};
} // namespace boost

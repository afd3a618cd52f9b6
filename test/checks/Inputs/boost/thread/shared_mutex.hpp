// Mock of boost::shared_mutex (boost/thread/shared_mutex.hpp).
#pragma once
#include <boost/thread/lock_types.hpp>
namespace boost {
class shared_mutex {
public:
  shared_mutex();
  ~shared_mutex();
  void lock();
  bool try_lock();
  void unlock();
  void lock_shared();
  void unlock_shared();
  void lock_upgrade();
  void unlock_upgrade();
};
typedef shared_mutex upgrade_mutex;
} // namespace boost

// Mock of boost::recursive_mutex (boost/thread/recursive_mutex.hpp).
#pragma once
#include <boost/thread/lock_types.hpp>
namespace boost {
class recursive_mutex {
public:
  recursive_mutex();
  ~recursive_mutex();
  void lock();
  bool try_lock();
  void unlock();
  typedef unique_lock<recursive_mutex> scoped_lock;
};
} // namespace boost

// Mock of boost::mutex and boost::timed_mutex (boost/thread/mutex.hpp).
#pragma once
#include <boost/thread/lock_types.hpp>
namespace boost {
class mutex {
public:
  mutex();
  ~mutex();
  void lock();
  bool try_lock();
  void unlock();
  typedef unique_lock<mutex> scoped_lock;
};
class timed_mutex {
public:
  timed_mutex();
  ~timed_mutex();
  void lock();
  bool try_lock();
  void unlock();
  typedef unique_lock<timed_mutex> scoped_timed_lock;
};
} // namespace boost

// Mock of boost::lock_guard (boost/thread/lock_guard.hpp).
#pragma once
#include <boost/thread/lock_options.hpp>
namespace boost {
template <typename Mutex> class lock_guard {
public:
  explicit lock_guard(Mutex &m);
  lock_guard(Mutex &m, adopt_lock_t);
  lock_guard(const lock_guard &) = delete;
  ~lock_guard();
};
} // namespace boost

// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs/cppcoro

// Boost.Thread, from Debian's real headers (libboost1.81-dev): joins, sleeps
// and condition-variable waits block like their std counterparts. The
// inputs directory is not on the path: its Boost.Thread lock mocks would
// shadow the real headers.

#include <boost/chrono.hpp>
#include <boost/thread/condition_variable.hpp>
#include <boost/thread/mutex.hpp>
#include <boost/thread/thread.hpp>
#include <task.hpp> // the cppcoro::task mock

cppcoro::task<void> waits(boost::thread &worker, boost::mutex &m, boost::condition_variable &cv,
                          boost::condition_variable_any &any, bool &ready) {
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::thread::join' blocks the event loop's thread (sync-wait), stalling every other task on it [async-blocking-call]
  boost::this_thread::sleep_for(boost::chrono::milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::this_thread::sleep_for' blocks the event loop's thread (sleep)
  boost::unique_lock<boost::mutex> lock(m, boost::defer_lock);
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::condition_variable::wait' blocks the event loop's thread (sync-wait)
  cv.wait(lock, [&] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::condition_variable::wait' blocks the event loop's thread
  cv.wait_for(lock, boost::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::condition_variable::wait_for' blocks the event loop's thread
  any.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::condition_variable_any::wait' blocks the event loop's thread
  co_return;
}

// What does not wait: starting, detaching, notifying, asking.
cppcoro::task<void> does_not_wait(boost::thread &worker, boost::condition_variable &cv) {
  cv.notify_one();
  cv.notify_all();
  if (worker.joinable())
    worker.detach();
  boost::thread::id self = boost::this_thread::get_id();
  (void)self;
  boost::this_thread::yield();
  co_return;
}

// Outside a coroutine the same calls are ordinary thread code.
void joins(boost::thread &worker) {
  worker.join();
  boost::this_thread::sleep_for(boost::chrono::milliseconds(1));
}

// wait_for_signal under corio::run_on: an Asio signal_set on run_on's
// io_context, so corio shares signal handling with the program's own
// signal_sets. Included by corio/asio.hpp.
#pragma once

#include <tuple>
#include <type_traits>
#include <vector>

#include "corio/asio.hpp"
#include "corio/detail/asio_config.hpp"
#include "corio/detail/asio_driver.hpp"
#include "corio/detail/event_loop.hpp"
#include "corio/signal.hpp"
#include "corio/task.hpp"

namespace corio::detail {

inline bool loop_runs_on_asio() noexcept {
  if (event_loop::current() == nullptr) return false;
  try {
    asio_driver::running("corio::wait_for_signal");
    return true;
  } catch (...) {
    return false;
  }
}

// What async_wait(use_task) yields: the signal's number, or an
// (error_code, int) pair where Asio's error code is not the one
// corio/asio.hpp was configured for (the standalone shim test, which
// aliases Boost.Asio).
template <class Arrived>
int signal_number(const Arrived& arrived) {
  if constexpr (std::is_same_v<Arrived, int>)
    return arrived;
  else
    return std::get<1>(arrived);
}

// A bad signal number throws system_error (from signal_set::add).
inline task<int> wait_for_signal_on_asio(std::vector<int> signals) {
  asio_ns::net::signal_set set(asio_driver::running("corio::wait_for_signal").io());
  for (int sig : signals) set.add(sig);
  co_return signal_number(co_await set.async_wait(use_task));
}

inline const bool asio_signal_route_installed = []() noexcept {
  asio_signals() = {&loop_runs_on_asio, &wait_for_signal_on_asio};
  return true;
}();

}  // namespace corio::detail

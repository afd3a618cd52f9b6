// Mock of seastar::abort_on_expiry: aborts an abort_source when a deadline
// passes, for as long as the object lives.
#pragma once
#include <chrono>
namespace seastar {
class abort_source {};
template <class Clock = std::chrono::steady_clock> class abort_on_expiry {
public:
  explicit abort_on_expiry(typename Clock::time_point deadline);
  abort_on_expiry(abort_on_expiry &&) = delete;
  ~abort_on_expiry();
  abort_source &abort_source();
};
} // namespace seastar

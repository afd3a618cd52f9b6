// Mock of async_simple/Signal.h: the signal types and SignalException, which
// an awaiter throws when its Slot's Terminate signal (cancellation) fires.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace async_simple {
enum SignalType : uint64_t {
  None = 0,
  Terminate = 1,
  All = UINT64_MAX,
};

class SignalException : public std::runtime_error {
private:
  SignalType _signal;

public:
  explicit SignalException(SignalType signal, std::string msg = "")
      : std::runtime_error(std::move(msg)), _signal(signal) {}
  SignalType value() const { return _signal; }
};
} // namespace async_simple

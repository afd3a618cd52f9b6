// Mock of stdexec's sync_wait (P2300 reference implementation).
#pragma once
#include <optional>
#include <tuple>
namespace stdexec {
struct sync_wait_t {
  template <class Sender> std::optional<std::tuple<>> operator()(Sender &&sndr) const;
};
inline constexpr sync_wait_t sync_wait{};
} // namespace stdexec

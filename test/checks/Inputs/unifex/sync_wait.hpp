#pragma once
#include <optional>
namespace unifex {
namespace _sync_wait {
struct _fn {
  template <class Sender> std::optional<int> operator()(Sender &&sender) const;
};
} // namespace _sync_wait
inline constexpr _sync_wait::_fn sync_wait{};
} // namespace unifex

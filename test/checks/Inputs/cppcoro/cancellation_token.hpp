#pragma once
#include "operation_cancelled.hpp"
namespace cppcoro {
class cancellation_token {
public:
  bool is_cancellation_requested() const noexcept;
  void throw_if_cancellation_requested() const;
};
class cancellation_source {
public:
  cancellation_token token() const noexcept;
  void request_cancellation();
};
} // namespace cppcoro

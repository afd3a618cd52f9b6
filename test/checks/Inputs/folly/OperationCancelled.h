#pragma once
#include <exception>
namespace folly {
struct OperationCancelled : public std::exception {
  const char *what() const noexcept override;
};
} // namespace folly

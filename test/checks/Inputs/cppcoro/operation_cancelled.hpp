#pragma once
#include <exception>
namespace cppcoro {
class operation_cancelled : public std::exception {
public:
  operation_cancelled() noexcept;
  const char *what() const noexcept override;
};
} // namespace cppcoro

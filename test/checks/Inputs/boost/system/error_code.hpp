// Mock of Boost.System's error_code and system_error (the parts corio's
// checks look at).
#pragma once
#include <stdexcept>
#include <string>
#include <system_error>

namespace boost::system {
class error_category {};
class error_code {
public:
  error_code() noexcept;
  int value() const noexcept;
  std::string message() const;
  explicit operator bool() const noexcept;
  template <class E> error_code(E e) noexcept;
  friend bool operator==(const error_code &, const error_code &) noexcept;
};
class system_error : public std::runtime_error {
public:
  explicit system_error(const error_code &ec);
  const error_code &code() const noexcept;
};
} // namespace boost::system

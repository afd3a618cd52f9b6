// Mock of folly/lang/Exception.h: folly's std::current_exception.
#pragma once
#include <exception>
namespace folly {
std::exception_ptr current_exception() noexcept;
} // namespace folly

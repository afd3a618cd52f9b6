// Mock of standalone Asio's <asio.hpp>: namespace asio, std::error_code.
#pragma once
#include "mock_asio_std.h"

namespace asio {
using std::error_code;
using std::system_error;
#include "mock_asio_api.inc"
} // namespace asio

// As asio/error.hpp: the enumerators convert to std::error_code.
template <> struct std::is_error_code_enum<asio::error::basic_errors> : std::true_type {};

#define MOCK_ASIO_NS asio
#include "mock_asio_traits.inc"
#undef MOCK_ASIO_NS

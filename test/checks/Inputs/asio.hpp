// Mock of standalone Asio's <asio.hpp>: namespace asio, std::error_code.
#pragma once
#include "mock_asio_std.h"

namespace asio {
using std::error_code;
using std::system_error;
#include "mock_asio_api.inc"
} // namespace asio

#define MOCK_ASIO_NS asio
#include "mock_asio_traits.inc"
#undef MOCK_ASIO_NS

// Mock of <boost/asio.hpp> (Boost 1.81): same namespaces, names and the
// signatures the async-* checks match on.
#pragma once
#include "../mock_asio_std.h"
#include "system/error_code.hpp"

namespace boost::asio {
using boost::system::error_code;
using boost::system::system_error;
#include "../mock_asio_api.inc"
} // namespace boost::asio

#define MOCK_ASIO_NS boost::asio
#include "../mock_asio_traits.inc"
#undef MOCK_ASIO_NS

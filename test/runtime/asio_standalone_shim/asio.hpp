// A stand-in for standalone Asio's <asio.hpp>, which is not installed here:
// Boost.Asio under the name `asio`. It only proves that corio/asio.hpp's
// CORIO_ASIO_STANDALONE branch names nothing outside namespace asio and the
// standard error types; it does not test standalone Asio itself.
#pragma once

#include <boost/asio.hpp>

namespace asio = ::boost::asio;

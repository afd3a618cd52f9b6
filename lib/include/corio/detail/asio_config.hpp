// The Asio that corio/asio.hpp builds on: Boost.Asio (the default) or
// standalone Asio (define CORIO_ASIO_STANDALONE before including corio/asio.hpp).
#pragma once

#if defined(CORIO_ASIO_STANDALONE)
#include <asio.hpp>
#include <system_error>
// The namespace that holds io_context, async_result, cancellation_signal...
// (no leading ::, which g++ rejects in the class-head of a specialisation)
#define CORIO_ASIO_NAMESPACE asio
namespace corio::detail::asio_ns {
namespace net = ::asio;
using error_code = std::error_code;
using system_error = std::system_error;
}  // namespace corio::detail::asio_ns
#else
#include <boost/asio.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>
#define CORIO_ASIO_NAMESPACE boost::asio
namespace corio::detail::asio_ns {
namespace net = ::boost::asio;
using error_code = ::boost::system::error_code;
using system_error = ::boost::system::system_error;
}  // namespace corio::detail::asio_ns
#endif

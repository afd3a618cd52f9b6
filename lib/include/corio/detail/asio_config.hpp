// The Asio that corio/asio.hpp builds on: Boost.Asio (the default) or
// standalone Asio (define CORIO_ASIO_STANDALONE before including corio/asio.hpp).
#pragma once

#if defined(CORIO_ASIO_STANDALONE)
// Standalone Asio before 1.24 (Debian 12 ships 1.22) recognises clang's
// co_await only through the Coroutines TS macro, so awaitable and co_spawn
// would be missing; clang's C++20 coroutines are what newer Asio detects.
#if defined(__clang__) && defined(__cpp_impl_coroutine) && !defined(ASIO_HAS_CO_AWAIT) && \
    !defined(ASIO_DISABLE_CO_AWAIT)
#define ASIO_HAS_CO_AWAIT 1
#endif
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

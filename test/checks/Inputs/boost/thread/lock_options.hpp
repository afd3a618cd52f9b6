// Mock of Boost.Thread's lock tags (boost/thread/lock_options.hpp).
#pragma once
namespace boost {
struct defer_lock_t {};
struct try_to_lock_t {};
struct adopt_lock_t {};
constexpr defer_lock_t defer_lock = {};
constexpr try_to_lock_t try_to_lock = {};
constexpr adopt_lock_t adopt_lock = {};
} // namespace boost

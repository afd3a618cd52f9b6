// Compiler portability switches for the corio runtime.
#pragma once

// Clang can diagnose misuse of coroutine return types (a task whose
// arguments dangle, a function returning task that is not a coroutine).
// GCC does not know these attributes, so they expand to nothing there.
#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::coro_return_type)
#define CORIO_CORO_RETURN_TYPE [[clang::coro_return_type]]
#endif
#if __has_cpp_attribute(clang::coro_lifetimebound)
#define CORIO_CORO_LIFETIMEBOUND [[clang::coro_lifetimebound]]
#endif
#if __has_cpp_attribute(clang::coro_wrapper)
#define CORIO_CORO_WRAPPER [[clang::coro_wrapper]]
#endif
#endif

#ifndef CORIO_CORO_RETURN_TYPE
#define CORIO_CORO_RETURN_TYPE
#endif
#ifndef CORIO_CORO_LIFETIMEBOUND
#define CORIO_CORO_LIFETIMEBOUND
#endif
#ifndef CORIO_CORO_WRAPPER
#define CORIO_CORO_WRAPPER
#endif

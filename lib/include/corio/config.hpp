// Compiler portability switches for the corio runtime.
#pragma once

// [[clang::coro_return_type]] with [[clang::coro_lifetimebound]] makes clang
// diagnose a task that outlives a temporary it references
// (`auto t = by_ref(42);`). It also rejects every non-coroutine function
// returning a task that is not marked [[clang::coro_wrapper]], and that
// includes std::function<task<R>(A)>, std::invoke, std::bind and factory
// functions or lambdas returning a task. So it is opt-in: define
// CORIO_STRICT_CORO_RETURN_TYPE to get it (then mark your own factories
// CORIO_CORO_WRAPPER and do not pass task-returning callables through the
// standard library). GCC knows none of these attributes: they expand to
// nothing there.
//
// [[clang::coro_await_elidable]]: `co_await f()` on a task<T> prvalue places
// the callee's frame inside the awaiting frame instead of on the heap (Clang
// 20+ HALO). Safe for task<T> because the temporary task destroys the
// callee's frame before the await expression ends; it makes co_await on
// event::wait(), semaphore::acquire(), sleep_for() and friends
// allocation-free. An elided frame is not a heap block, so AddressSanitizer
// cannot see a reference into it that outlives it (say, a child spawned
// from a group body holding a reference to one of the body's locals). The
// elision is therefore off under ASan, and off wherever
// CORIO_NO_AWAIT_ELIDABLE is defined.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) && !defined(CORIO_NO_AWAIT_ELIDABLE)
#define CORIO_NO_AWAIT_ELIDABLE 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(CORIO_NO_AWAIT_ELIDABLE)
#define CORIO_NO_AWAIT_ELIDABLE 1
#endif

#if defined(__has_cpp_attribute)
#if defined(CORIO_STRICT_CORO_RETURN_TYPE) && __has_cpp_attribute(clang::coro_return_type)
#define CORIO_CORO_RETURN_TYPE [[clang::coro_return_type]]
#endif
#if defined(CORIO_STRICT_CORO_RETURN_TYPE) && __has_cpp_attribute(clang::coro_lifetimebound)
#define CORIO_CORO_LIFETIMEBOUND [[clang::coro_lifetimebound]]
#endif
#if __has_cpp_attribute(clang::coro_wrapper)
#define CORIO_CORO_WRAPPER [[clang::coro_wrapper]]
#endif
#if !defined(CORIO_NO_AWAIT_ELIDABLE) && __has_cpp_attribute(clang::coro_await_elidable)
#define CORIO_CORO_AWAIT_ELIDABLE [[clang::coro_await_elidable]]
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
#ifndef CORIO_CORO_AWAIT_ELIDABLE
#define CORIO_CORO_AWAIT_ELIDABLE
#endif

// Awaiting a task and returning to the awaiter use symmetric transfer. Clang
// makes that a guaranteed tail call at every optimisation level; g++ only
// when it optimises sibling calls (-O2 and up), so below -O2 a loop of awaits
// on tasks that finish without suspending overflows the stack. With the
// trampoline, each transfer returns to the event loop, which resumes the next
// coroutine: constant stack whatever the optimisation level. Define
// CORIO_TASK_TRAMPOLINE to 0 or 1 to choose; the default is 1 except for clang.
#ifndef CORIO_TASK_TRAMPOLINE
#if defined(__clang__)
#define CORIO_TASK_TRAMPOLINE 0
#else
#define CORIO_TASK_TRAMPOLINE 1
#endif
#endif

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
// `co_await f()` on a task<T> prvalue: the callee's frame lives inside the
// awaiting frame instead of on the heap (Clang 20+ HALO). Safe for task<T>
// because the temporary task destroys the callee's frame before the await
// expression ends. This makes co_await on event::wait(), semaphore::acquire(),
// sleep_for() and friends allocation-free.
#if __has_cpp_attribute(clang::coro_await_elidable)
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

//===- Std.cpp - the C++ standard library ---------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

// std::execution (C++26) and its early std::this_thread spelling.
constexpr LoopCall BlockingWaits[] = {
    {"::std::this_thread::sync_wait", CallForm::FunctionObject, false},
    {"::std::this_thread::sync_wait_with_variant", CallForm::FunctionObject, false},
    {"::std::execution::sync_wait", CallForm::FunctionObject, false},
};

constexpr StringRef UncancellableAwaitables[] = {"::std::suspend_never"};

constexpr StringRef Threads[] = {"::std::thread", "::std::jthread"};
constexpr StringRef Sleeps[] = {"::std::this_thread::sleep_for", "::std::this_thread::sleep_until"};
constexpr StringRef ConditionVariables[] = {"::std::condition_variable",
                                            "::std::condition_variable_any"};
// An exception escaping a thread's function calls std::terminate.
constexpr DetachingCall DetachingCalls[] = {
    {DetachKind::ThreadDetach, "detach", {}, Threads, DetachedFailure::Terminates},
};

constexpr StringRef Mutexes[] = {"::std::mutex",           "::std::timed_mutex",
                                 "::std::recursive_mutex", "::std::recursive_timed_mutex",
                                 "::std::shared_mutex",    "::std::shared_timed_mutex"};
constexpr StringRef LockGuards[] = {"::std::lock_guard", "::std::scoped_lock",
                                    "::std::unique_lock", "::std::shared_lock"};

constexpr StringRef CallbackWrappers[] = {"::std::function", "::std::move_only_function",
                                          "::std::copyable_function", "::std::function_ref"};
// A thread's function and an algorithm's per-element function: results dropped.
constexpr StringRef CallbackTakers[] = {"::std::thread",   "::std::jthread",    "::std::for_each",
                                        "::std::for_each_n", "::std::call_once"};

} // namespace

const Framework Std = {
    .Name = "C++ standard library",
    .Option = "Std",
    .Namespaces = "std",
    .UncancellableAwaitables = UncancellableAwaitables,
    .BlockingWaits = BlockingWaits,
    .DetachingCalls = DetachingCalls,
    .Threads = Threads,
    .Mutexes = Mutexes,
    .LockGuards = LockGuards,
    .CallbackWrappers = CallbackWrappers,
    .CallbackTakers = CallbackTakers,
    .Sleeps = Sleeps,
    .ConditionVariables = ConditionVariables,
};

} // namespace clang::tidy::async::frameworks

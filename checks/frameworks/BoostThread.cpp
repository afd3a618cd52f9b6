//===- BoostThread.cpp - Boost.Thread: threads, sleeps, mutexes, locks ----===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr StringRef Mutexes[] = {
    "::boost::mutex", "::boost::timed_mutex", "::boost::recursive_mutex",
    "::boost::recursive_timed_mutex", "::boost::shared_mutex"};
constexpr StringRef LockGuards[] = {
    "::boost::lock_guard", "::boost::unique_lock", "::boost::shared_lock",
    "::boost::upgrade_lock", "::boost::shared_lock_guard"};

// boost::this_thread::sleep is the deprecated Boost.DateTime form.
constexpr StringRef Sleeps[] = {"::boost::this_thread::sleep_for",
                                "::boost::this_thread::sleep_until",
                                "::boost::this_thread::sleep"};
constexpr StringRef ConditionVariables[] = {"::boost::condition_variable",
                                            "::boost::condition_variable_any"};
constexpr StringRef Threads[] = {"::boost::thread"};

} // namespace

const Framework BoostThread = {
    .Name = "Boost.Thread",
    .Option = "BoostThread",
    .Namespaces = "boost",
    .Threads = Threads,
    .Mutexes = Mutexes,
    .LockGuards = LockGuards,
    .Sleeps = Sleeps,
    .ConditionVariables = ConditionVariables,
};

} // namespace clang::tidy::async::frameworks

//===- BoostThread.cpp - Boost.Thread's mutexes and locks -----------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr StringRef Mutexes[] = {"::boost::mutex", "::boost::timed_mutex",
                                 "::boost::recursive_mutex", "::boost::recursive_timed_mutex",
                                 "::boost::shared_mutex"};
constexpr StringRef LockGuards[] = {"::boost::lock_guard", "::boost::unique_lock",
                                    "::boost::shared_lock", "::boost::upgrade_lock",
                                    "::boost::shared_lock_guard"};

} // namespace

const Framework BoostThread = {
    .Name = "Boost.Thread",
    .Option = "BoostThread",
    .Namespaces = "boost",
    .Mutexes = Mutexes,
    .LockGuards = LockGuards,
};

} // namespace clang::tidy::async::frameworks

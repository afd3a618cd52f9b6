//===- Seastar.cpp - Seastar ----------------------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

// Aborts its abort_source at a deadline while it lives: held across a
// suspension, the timeout covers whatever runs meanwhile.
constexpr StringRef ScopeGuards[] = {"::seastar::abort_on_expiry"};

constexpr StringRef SleepFunctions[] = {"::seastar::sleep"};
constexpr StringRef CallbackWrappers[] = {"::seastar::noncopyable_function"};

} // namespace

const Framework Seastar = {
    .Name = "Seastar",
    .Option = "Seastar",
    .Namespaces = "seastar",
    .ScopeGuards = ScopeGuards,
    .SleepFunctions = SleepFunctions,
    .CallbackWrappers = CallbackWrappers,
};

} // namespace clang::tidy::async::frameworks

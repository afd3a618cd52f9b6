//===- Corio.cpp - corio, this project's runtime --------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::corio::task", Start::Lazy}};
constexpr Cancellation Cancellations[] = {
    {"::corio::", "::corio::cancelled_error", ""}};
// corio::run(task) in a corio::task coroutine is `co_await task`;
// corio::run_on(io, task) also runs io (corio/asio.hpp).
// finally(body, cleanup) awaits cleanup() shielded (corio/finally.hpp).
constexpr CancellationShield CancellationShields[] = {
    {"::corio::shielded", ShieldForm::Wrapper, "<corio/shielded.hpp>"},
    {"::corio::finally", ShieldForm::Wrapper}};
// A group's body waits for its children even when cancelled
// (corio/detail/group_core.hpp).
constexpr StringRef UncancellableAwaitables[] = {
    "::corio::detail::group_core::join_children"};
constexpr LoopCall BlockingWaits[] = {
    {"::corio::run", CallForm::Function, true},
    {"::corio::run_on", CallForm::Function, false}};
constexpr StringRef TaskGroups[] = {"::corio::task_group"};
// Alive at a co_yield, its cancellation and deadline reach the consumer (PEP 789).
constexpr StringRef ScopeGuards[] = {"::corio::cancel_scope"};

// corio::yield() reschedules the coroutine behind the other ready tasks.
constexpr StringRef SleepFunctions[] = {"::corio::sleep_for", "::corio::yield"};

} // namespace

const Framework Corio = {
    .Name = "corio",
    .Option = "Corio",
    .Namespaces = "corio",
    .Tasks = Tasks,
    .Cancellations = Cancellations,
    .CancellationShields = CancellationShields,
    .UncancellableAwaitables = UncancellableAwaitables,
    .BlockingWaits = BlockingWaits,
    .TaskGroups = TaskGroups,
    .ScopeGuards = ScopeGuards,
    .SleepFunctions = SleepFunctions,
};

} // namespace clang::tidy::async::frameworks

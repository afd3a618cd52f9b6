//===- Corio.cpp - corio, this project's runtime --------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::corio::task", Start::Lazy}};
constexpr Cancellation Cancellations[] = {{"::corio::", "::corio::cancelled_error", ""}};
// corio::run(task) in a corio::task coroutine is `co_await task`;
// corio::run_on(io, task) also runs io (corio/asio.hpp).
constexpr LoopCall BlockingWaits[] = {{"::corio::run", CallForm::Function, true},
                                      {"::corio::run_on", CallForm::Function, false}};
constexpr StringRef TaskGroups[] = {"::corio::task_group"};
// Alive at a co_yield, its cancellation and deadline reach the consumer (PEP 789).
constexpr StringRef ScopeGuards[] = {"::corio::cancel_scope"};

} // namespace

const Framework Corio = {
    .Name = "corio",
    .Option = "Corio",
    .Namespaces = "corio",
    .Tasks = Tasks,
    .Cancellations = Cancellations,
    .BlockingWaits = BlockingWaits,
    .TaskGroups = TaskGroups,
    .ScopeGuards = ScopeGuards,
};

} // namespace clang::tidy::async::frameworks

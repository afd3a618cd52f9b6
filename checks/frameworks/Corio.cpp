//===- Corio.cpp - corio, this project's runtime --------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::corio::task", Start::Lazy}};
constexpr Cancellation Cancellations[] = {{"::corio::", "::corio::cancelled_error", ""}};
// corio::run(task) in a corio::task coroutine is `co_await task`;
// corio::run_on(io, task) also runs io (corio/asio.hpp).
// finally(body, cleanup) awaits cleanup() shielded (corio/finally.hpp).
constexpr CancellationShield CancellationShields[] = {
    {"::corio::shielded", ShieldForm::Wrapper, "<corio/shielded.hpp>"},
    {"::corio::finally", ShieldForm::Wrapper}};
constexpr LoopCall BlockingWaits[] = {{"::corio::run", CallForm::Function, true},
                                      {"::corio::run_on", CallForm::Function, false}};
constexpr StringRef TaskGroups[] = {"::corio::task_group"};

} // namespace

const Framework Corio = {
    .Name = "corio",
    .Option = "Corio",
    .Namespaces = "corio",
    .Tasks = Tasks,
    .Cancellations = Cancellations,
    .CancellationShields = CancellationShields,
    .BlockingWaits = BlockingWaits,
    .TaskGroups = TaskGroups,
};

} // namespace clang::tidy::async::frameworks

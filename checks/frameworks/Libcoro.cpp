//===- Libcoro.cpp - libcoro (jbaldwin/libcoro) ---------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::coro::task", Start::Lazy}};
constexpr LoopCall BlockingWaits[] = {{"::coro::sync_wait", CallForm::Function, true}};
constexpr Combinator Combinators[] = {{"::coro::when_all", Failures::Collected, ""}};

// io_scheduler is the scheduler's name before libcoro 0.16.
constexpr StringRef SleepFunctions[] = {
    "::coro::scheduler::yield_for",    "::coro::scheduler::schedule_after",
    "::coro::scheduler::yield",        "::coro::io_scheduler::yield_for",
    "::coro::io_scheduler::schedule_after", "::coro::io_scheduler::yield",
    "::coro::thread_pool::yield"};

} // namespace

const Framework Libcoro = {
    .Name = "libcoro",
    .Option = "Libcoro",
    .Namespaces = "coro",
    .Tasks = Tasks,
    .BlockingWaits = BlockingWaits,
    .Combinators = Combinators,
    .SleepFunctions = SleepFunctions,
};

} // namespace clang::tidy::async::frameworks

//===- Libcoro.cpp - libcoro (jbaldwin/libcoro) ---------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::coro::task", Start::Lazy}};
constexpr LoopCall BlockingWaits[] = {
    {"::coro::sync_wait", CallForm::Function, true}};
constexpr Combinator Combinators[] = {
    {"::coro::when_all", Failures::Collected, ""}};

// io_scheduler is the scheduler's name before libcoro 0.16.
constexpr StringRef SleepFunctions[] = {"::coro::scheduler::yield_for",
                                        "::coro::scheduler::schedule_after",
                                        "::coro::scheduler::yield",
                                        "::coro::io_scheduler::yield_for",
                                        "::coro::io_scheduler::schedule_after",
                                        "::coro::io_scheduler::yield",
                                        "::coro::thread_pool::yield"};
// spawn_detached (spawn before libcoro 0.12) hands the task to the scheduler
// and returns at once; nobody awaits it.
constexpr StringRef Schedulers[] = {"::coro::thread_pool",
                                    "::coro::io_scheduler"};
constexpr DetachingCall DetachingCalls[] = {
    {DetachKind::DetachMember,
     "spawn_detached",
     {},
     Schedulers,
     DetachedFailure::Dropped},
    {DetachKind::DetachMember,
     "spawn",
     {},
     Schedulers,
     DetachedFailure::Dropped},
};

} // namespace

const Framework Libcoro = {
    .Name = "libcoro",
    .Option = "Libcoro",
    .Namespaces = "coro",
    .Tasks = Tasks,
    .BlockingWaits = BlockingWaits,
    .DetachingCalls = DetachingCalls,
    .Combinators = Combinators,
    .SleepFunctions = SleepFunctions,
};

} // namespace clang::tidy::async::frameworks

//===- AsyncSimple.cpp - async_simple (Alibaba) ---------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::async_simple::coro::Lazy", Start::Lazy}};
// What Lazy::via() returns: awaited like a Lazy, never a return type.
constexpr StringRef Awaitables[] = {"::async_simple::coro::RescheduleLazy"};
// An awaiter whose Slot got the Terminate signal throws SignalException
// (async_simple/Signal.h), a std::runtime_error.
constexpr Cancellation Cancellations[] = {
    {"::async_simple::", "::async_simple::SignalException", ""}};
constexpr LoopCall BlockingWaits[] = {
    {"::async_simple::coro::syncAwait", CallForm::Function, true}};

constexpr StringRef Lazies[] = {"::async_simple::coro::Lazy",
                                "::async_simple::coro::RescheduleLazy"};
// detach() is start() with a callback that rethrows the error inside the
// detached coroutine, whose unhandled_exception prints it to stderr and
// rethrows it into whichever thread resumed the task.
constexpr DetachingCall DetachingCalls[] = {
    {DetachKind::IgnoredStartCallback,
     "start",
     {},
     Lazies,
     DetachedFailure::Dropped},
    {DetachKind::DetachMember,
     "detach",
     {},
     Lazies,
     DetachedFailure::PrintedAndRethrown},
};

constexpr Combinator Combinators[] = {
    {"::async_simple::coro::collectAll", Failures::Collected, ""},
    {"::async_simple::coro::collectAllPara", Failures::Collected, ""},
    {"::async_simple::coro::collectAllWindowed", Failures::Collected, ""},
    {"::async_simple::coro::collectAllWindowedPara", Failures::Collected, ""},
    {"::async_simple::coro::collectAny", Failures::WinnerOnly, ""},
};

constexpr StringRef SleepFunctions[] = {"::async_simple::coro::sleep"};

} // namespace

const Framework AsyncSimple = {
    .Name = "async_simple",
    .Option = "AsyncSimple",
    .Namespaces = "async_simple::coro",
    .Tasks = Tasks,
    .Awaitables = Awaitables,
    .Cancellations = Cancellations,
    .BlockingWaits = BlockingWaits,
    .DetachingCalls = DetachingCalls,
    .Combinators = Combinators,
    .SleepFunctions = SleepFunctions,
};

} // namespace clang::tidy::async::frameworks

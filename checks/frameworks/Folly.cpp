//===- Folly.cpp - folly (folly::coro, folly::EventBase) ------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::folly::coro::Task", Start::Lazy}};
constexpr StringRef Awaitables[] = {"::folly::coro::TaskWithExecutor"};
constexpr Cancellation Cancellations[] = {
    {"::folly::", "::folly::OperationCancelled", ""}};
// A task awaited by a cancelled one inherits its cancelled token; an empty
// token (co_withCancellation is a function object) cuts it off.
constexpr CancellationShield CancellationShields[] = {
    {"::folly::coro::co_withCancellation", ShieldForm::EmptyTokenWrapper}};
// co_awaitTry(x) puts the error in a Try; co_nothrow(x) hands it to the
// awaiting coroutine's own awaiter, past its handlers.
constexpr StringRef NonThrowingAwaitables[] = {
    "::folly::coro::detail::TryAwaitable",
    "::folly::coro::detail::NothrowAwaitable"};
constexpr LoopCall LoopRunners[] = {
    {"::folly::EventBase::loop", CallForm::Function, false},
    {"::folly::EventBase::loopOnce", CallForm::Function, false},
    {"::folly::EventBase::loopForever", CallForm::Function, false},
    // Executors driven by hand run the queued work on the calling thread.
    {"::folly::ManualExecutor::run", CallForm::Function, false},
    {"::folly::ManualExecutor::drain", CallForm::Function, false},
    {"::folly::ManualExecutor::makeProgress", CallForm::Function, false},
    {"::folly::ManualExecutor::waitFor", CallForm::Function, false},
    {"::folly::ManualExecutor::drive", CallForm::Function, false},
    {"::folly::DrivableExecutor::drive", CallForm::Function, false},
};
// blockingWait is a function in older releases, a function object in
// current ones.
constexpr LoopCall BlockingWaits[] = {
    {"::folly::coro::blockingWait", CallForm::Both, true},
    {"::folly::coro::blocking_wait", CallForm::FunctionObject, true},
};

constexpr StringRef TaskWithExecutor[] = {"::folly::coro::TaskWithExecutor"};
// start() returns a SemiFuture that holds the task's exception; dropped, it
// goes with it. A callback that ignores its Try drops it too.
constexpr DetachingCall DetachingCalls[] = {
    {DetachKind::DroppedStartFuture,
     "start",
     {},
     TaskWithExecutor,
     DetachedFailure::Dropped},
    {DetachKind::DroppedStartFuture,
     "startInlineUnsafe",
     {},
     TaskWithExecutor,
     DetachedFailure::Dropped},
    {DetachKind::IgnoredStartCallback,
     "start",
     {},
     TaskWithExecutor,
     DetachedFailure::Dropped},
};

constexpr Combinator Combinators[] = {
    {"::folly::coro::collectAllTry", Failures::Collected,
     "'folly::coro::collectAll'"},
    {"::folly::coro::collectAllTryRange", Failures::Collected,
     "'folly::coro::collectAllRange'"},
    {"::folly::coro::collectAllTryWindowed", Failures::Collected,
     "'folly::coro::collectAllWindowed'"},
    {"::folly::coro::collectAll", Failures::CancelsOthers, ""},
    {"::folly::coro::collectAllRange", Failures::CancelsOthers, ""},
    {"::folly::coro::collectAllWindowed", Failures::CancelsOthers, ""},
};

constexpr StringRef SleepFunctions[] = {"::folly::coro::sleep"};
constexpr StringRef CallbackWrappers[] = {"::folly::Function"};

// folly::exception_wrapper's constructors from the handled exception keep it.
constexpr StringRef ExceptionKeepers[] = {"::folly::current_exception",
                                          "::folly::exception_wrapper"};

} // namespace

const Framework Folly = {
    .Name = "folly",
    .Option = "Folly",
    .Namespaces = "folly, folly::coro",
    .Tasks = Tasks,
    .Awaitables = Awaitables,
    .Cancellations = Cancellations,
    .CancellationShields = CancellationShields,
    .NonThrowingAwaitables = NonThrowingAwaitables,
    .ExceptionKeepers = ExceptionKeepers,
    .LoopRunners = LoopRunners,
    .BlockingWaits = BlockingWaits,
    .DetachingCalls = DetachingCalls,
    .Combinators = Combinators,
    .SleepFunctions = SleepFunctions,
    .CallbackWrappers = CallbackWrappers,
};

} // namespace clang::tidy::async::frameworks

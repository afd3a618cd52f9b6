//===- Asio.cpp - Boost.Asio and standalone Asio --------------------------===//
//
// The same library in two namespaces: boost::asio (Boost.Asio) and asio
// (standalone). Every entry names both.
//
//===----------------------------------------------------------------------===//
#include "frameworks/Asio.h"
#include "frameworks/Registry.h"

#include "llvm/ADT/Twine.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::boost::asio::awaitable", Start::Lazy},
                              {"::asio::awaitable", Start::Lazy}};

// Cancelled operations complete with operation_aborted, which a coroutine
// sees thrown as the generic system_error. Its value is ECANCELED, so it
// compares equal to the portable errc::operation_canceled.
constexpr StringRef BoostPortableCodes[] = {
    "::boost::system::errc::operation_canceled",
    "::std::errc::operation_canceled"};
constexpr StringRef StdPortableCodes[] = {"::std::errc::operation_canceled"};
constexpr Cancellation Cancellations[] = {
    {"::boost::asio::", "::boost::system::system_error",
     "::boost::asio::error::operation_aborted", BoostPortableCodes},
    {"::asio::", "::std::system_error", "::asio::error::operation_aborted",
     StdPortableCodes},
};
// An operation awaited with one of these completes with its error code as a
// value instead of throwing.
constexpr StringRef ErrorAsValueTokens[] = {
    "::boost::asio::as_tuple_t", "::boost::asio::redirect_error_t",
    "::asio::as_tuple_t", "::asio::redirect_error_t"};

// Once the coroutine's cancellation state is cancelled, every co_await of an
// awaitable or an operation throws operation_aborted before it starts
// (awaitable_frame_base::await_transform), unless throw_if_cancelled(false).
// The this_coro objects are awaited at once, without that test.
constexpr CancellationShield CancellationShields[] = {
    {"::boost::asio::this_coro::reset_cancellation_state",
     ShieldForm::PathReset},
    {"::boost::asio::this_coro::throw_if_cancelled",
     ShieldForm::CoroutineOptOut},
    {"::asio::this_coro::reset_cancellation_state", ShieldForm::PathReset},
    {"::asio::this_coro::throw_if_cancelled", ShieldForm::CoroutineOptOut},
};
constexpr StringRef UncancellableAwaitables[] = {"::boost::asio::this_coro::",
                                                 "::asio::this_coro::"};

constexpr LoopCall LoopRunners[] = {
    {"::boost::asio::io_context::run", CallForm::Function, false},
    {"::boost::asio::io_context::run_one", CallForm::Function, false},
    {"::boost::asio::io_context::run_for", CallForm::Function, false},
    {"::boost::asio::io_context::run_until", CallForm::Function, false},
    {"::boost::asio::io_context::poll", CallForm::Function, false},
    {"::boost::asio::io_context::poll_one", CallForm::Function, false},
    {"::asio::io_context::run", CallForm::Function, false},
    {"::asio::io_context::run_one", CallForm::Function, false},
    {"::asio::io_context::run_for", CallForm::Function, false},
    {"::asio::io_context::run_until", CallForm::Function, false},
    {"::asio::io_context::poll", CallForm::Function, false},
    {"::asio::io_context::poll_one", CallForm::Function, false},
};

constexpr StringRef CoSpawn[] = {"::asio::co_spawn", "::boost::asio::co_spawn"};
constexpr StringRef Detached[] = {"::asio::detached_t",
                                  "::boost::asio::detached_t"};
// The detached token's handler ignores the exception_ptr co_spawn hands it.
constexpr DetachingCall DetachingCalls[] = {
    {DetachKind::SpawnWithDetachedToken, "co_spawn", CoSpawn, Detached,
     DetachedFailure::Dropped},
};

// Found by the member async_wait of a parallel group given wait_for_all()
// (AsioParallelGroup below); && and wait_for_one_error() cancel the rest.
constexpr Combinator Combinators[] = {
    {"parallel_group::async_wait(wait_for_all())", Failures::Collected,
     "'wait_for_one_error()' or the awaitable operator '&&'"},
    {"awaitable operator &&", Failures::CancelsOthers, ""},
};

constexpr StringRef IoObjects[] = {"::boost::asio::basic_socket",
                                   "::boost::asio::basic_stream_socket",
                                   "::boost::asio::basic_datagram_socket",
                                   "::boost::asio::basic_socket_acceptor",
                                   "::boost::asio::ip::basic_resolver",
                                   "::boost::asio::basic_waitable_timer",
                                   "::boost::asio::basic_deadline_timer",
                                   "::asio::basic_socket",
                                   "::asio::basic_stream_socket",
                                   "::asio::basic_datagram_socket",
                                   "::asio::basic_socket_acceptor",
                                   "::asio::ip::basic_resolver",
                                   "::asio::basic_waitable_timer",
                                   "::asio::basic_deadline_timer"};
constexpr StringRef BlockingIoMembers[] = {
    "read_some", "write_some", "receive", "send",    "receive_from",
    "send_to",   "accept",     "connect", "resolve", "wait"};
constexpr StringRef BlockingIoFunctions[] = {"::boost::asio::read",
                                             "::boost::asio::write",
                                             "::boost::asio::read_until",
                                             "::boost::asio::connect",
                                             "::asio::read",
                                             "::asio::write",
                                             "::asio::read_until",
                                             "::asio::connect"};

// Awaited with a completion token and no function, post and defer only
// reschedule the coroutine: Asio's yield.
constexpr StringRef SleepFunctions[] = {"::boost::asio::post",
                                        "::boost::asio::defer", "::asio::post",
                                        "::asio::defer"};
constexpr StringRef Timers[] = {"::boost::asio::basic_waitable_timer",
                                "::boost::asio::basic_deadline_timer",
                                "::asio::basic_waitable_timer",
                                "::asio::basic_deadline_timer"};
constexpr StringRef TimerWaits[] = {"async_wait"};
constexpr StringRef TimerIntervals[] = {"expires_after", "expires_from_now"};
// The handler's result is discarded.
constexpr StringRef CallbackTakers[] = {
    "::boost::asio::post", "::boost::asio::dispatch", "::boost::asio::defer",
    "::asio::post",        "::asio::dispatch",        "::asio::defer"};

// A detached task started before io.run() in main() ends with the loop.
constexpr StringRef ExecutionContexts[] = {
    "::boost::asio::io_context", "::asio::io_context",
    "::boost::asio::thread_pool", "::asio::thread_pool"};

} // namespace

const Framework Asio = {
    .Name = "Asio",
    .Option = "Asio",
    .Namespaces = "boost::asio, asio",
    .Tasks = Tasks,
    .Cancellations = Cancellations,
    .CancellationShields = CancellationShields,
    .UncancellableAwaitables = UncancellableAwaitables,
    .ErrorAsValueTokens = ErrorAsValueTokens,
    .LoopRunners = LoopRunners,
    .ExecutionContexts = ExecutionContexts,
    .DetachingCalls = DetachingCalls,
    .Combinators = Combinators,
    .IoObjects = IoObjects,
    .BlockingIoMembers = BlockingIoMembers,
    .BlockingIoFunctions = BlockingIoFunctions,
    .SleepFunctions = SleepFunctions,
    .Timers = Timers,
    .TimerWaits = TimerWaits,
    .TimerIntervals = TimerIntervals,
    .CallbackTakers = CallbackTakers,
};

std::vector<std::string> inEachAsioNamespace(StringRef Member) {
  std::vector<std::string> Names;
  for (StringRef Namespace : {"::boost::asio", "::asio"})
    Names.push_back((Namespace + "::" + Member).str());
  return Names;
}

} // namespace clang::tidy::async::frameworks

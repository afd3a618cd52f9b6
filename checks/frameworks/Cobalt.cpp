//===- Cobalt.cpp - Boost.Cobalt ------------------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::boost::cobalt::task", Start::Lazy},
                              {"::boost::cobalt::promise", Start::Eager}};
constexpr StringRef Generators[] = {"::boost::cobalt::generator"};
constexpr LoopCall BlockingWaits[] = {
    {"::boost::cobalt::run", CallForm::Function, false}};

constexpr StringRef Spawn[] = {"::boost::cobalt::spawn"};
// cobalt::spawn takes Asio's completion tokens as well as its own.
constexpr StringRef Detached[] = {"::boost::cobalt::detached_t",
                                  "::boost::asio::detached_t"};
constexpr StringRef Promise[] = {"::boost::cobalt::promise"};
constexpr DetachingCall DetachingCalls[] = {
    {DetachKind::SpawnWithDetachedToken, "spawn", Spawn, Detached,
     DetachedFailure::Dropped},
    {DetachKind::DetachMember, "detach", {}, Promise, DetachedFailure::Dropped},
};

constexpr Combinator Combinators[] = {
    {"::boost::cobalt::gather", Failures::Collected, "'boost::cobalt::join'"},
    {"::boost::cobalt::join", Failures::CancelsOthers, ""},
};

} // namespace

const Framework Cobalt = {
    .Name = "Boost.Cobalt",
    .Option = "Cobalt",
    .Namespaces = "boost::cobalt",
    .Tasks = Tasks,
    .Generators = Generators,
    .BlockingWaits = BlockingWaits,
    .DetachingCalls = DetachingCalls,
    .Combinators = Combinators,
};

} // namespace clang::tidy::async::frameworks

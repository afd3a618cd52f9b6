//===- Stdexec.cpp - stdexec, NVIDIA's senders/receivers (P2300) ----------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr LoopCall BlockingWaits[] = {
    {"::stdexec::sync_wait", CallForm::FunctionObject, false},
    {"::stdexec::sync_wait_with_variant", CallForm::FunctionObject, false},
};
// A failure of one sender stops the others.
constexpr Combinator Combinators[] = {
    {"::stdexec::when_all", Failures::CancelsOthers, ""}};

} // namespace

const Framework Stdexec = {
    .Name = "stdexec",
    .Option = "Stdexec",
    .Namespaces = "stdexec",
    .BlockingWaits = BlockingWaits,
    .Combinators = Combinators,
};

} // namespace clang::tidy::async::frameworks

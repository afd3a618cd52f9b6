//===- Unifex.cpp - libunifex ---------------------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr LoopCall BlockingWaits[] = {
    {"::unifex::sync_wait", CallForm::FunctionObject, false}};

} // namespace

const Framework Unifex = {
    .Name = "libunifex",
    .Option = "Unifex",
    .Namespaces = "unifex",
    .BlockingWaits = BlockingWaits,
};

} // namespace clang::tidy::async::frameworks

//===- QCoro.cpp - QCoro, coroutines for Qt -------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

// A QCoro::Task coroutine runs up to its first suspension when called.
constexpr TaskType Tasks[] = {{"::QCoro::Task", Start::Eager}};
// waitFor runs a nested QEventLoop until the task or awaitable completes.
constexpr LoopCall BlockingWaits[] = {
    {"::QCoro::waitFor", CallForm::Function, false}};

constexpr StringRef SleepFunctions[] = {"::QCoro::sleepFor"};

} // namespace

const Framework QCoro = {
    .Name = "QCoro",
    .Option = "QCoro",
    .Namespaces = "QCoro",
    .Tasks = Tasks,
    .BlockingWaits = BlockingWaits,
    .SleepFunctions = SleepFunctions,
};

} // namespace clang::tidy::async::frameworks

//===- Cppcoro.cpp - cppcoro ----------------------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr TaskType Tasks[] = {{"::cppcoro::task", Start::Lazy},
                              {"::cppcoro::shared_task", Start::Lazy}};
constexpr StringRef Generators[] = {"::cppcoro::generator",
                                    "::cppcoro::recursive_generator"};
constexpr Cancellation Cancellations[] = {
    {"::cppcoro::", "::cppcoro::operation_cancelled", ""}};
constexpr LoopCall BlockingWaits[] = {
    {"::cppcoro::sync_wait", CallForm::Function, true}};
constexpr Combinator Combinators[] = {
    {"::cppcoro::when_all", Failures::FirstRethrown, ""},
    {"::cppcoro::when_all_ready", Failures::Collected, ""},
};

// open() opens the file with a synchronous system call.
constexpr StringRef FileIoFunctions[] = {"::cppcoro::read_only_file::open",
                                         "::cppcoro::write_only_file::open",
                                         "::cppcoro::read_write_file::open"};

} // namespace

const Framework Cppcoro = {
    .Name = "cppcoro",
    .Option = "Cppcoro",
    .Namespaces = "cppcoro",
    .Tasks = Tasks,
    .Generators = Generators,
    .Cancellations = Cancellations,
    .BlockingWaits = BlockingWaits,
    .Combinators = Combinators,
    .FileIoFunctions = FileIoFunctions,
};

} // namespace clang::tidy::async::frameworks

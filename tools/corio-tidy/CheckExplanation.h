//===- CheckExplanation.h - corio-tidy --explain CHECK ----------*- C++ -*-===//
//
// What a check does and which options it takes, from the same source as the
// SARIF rule texts (CheckRules): the check's docs/checks page.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_CHECKEXPLANATION_H
#define CORIO_TIDY_CHECKEXPLANATION_H

#include "CheckRules.h"

#include "llvm/Support/raw_ostream.h"

namespace corio::report {

/// Prints \p Check's summary, its options and where its documentation is;
/// false (with a message on stderr) for an async-* check without a page.
bool explainCheck(llvm::raw_ostream &OS, const CheckRules &Rules,
                  llvm::StringRef Check);

} // namespace corio::report

#endif // CORIO_TIDY_CHECKEXPLANATION_H

//===- PrintedDiagnostics.h - filter clang-tidy's text output ---*- C++ -*-===//
#ifndef CORIO_TIDY_PRINTEDDIAGNOSTICS_H
#define CORIO_TIDY_PRINTEDDIAGNOSTICS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace corio::report {

/// clang-tidy's printed output without the diagnostics marked in \p Drop.
///
/// clang-tidy prints its diagnostics in the order it exports them, each as
/// a "[file:line:col: ]warning|error|remark: ..." line followed by its
/// source excerpt, fix-it lines and notes; \p Drop[i] says whether the i-th
/// such block goes. Lines before the first block stay. Returns nothing when
/// the output does not split into exactly \p Drop.size() blocks, so the
/// caller never drops the wrong diagnostic.
std::optional<std::string> withoutDiagnostics(llvm::StringRef Output,
                                              llvm::ArrayRef<bool> Drop);

} // namespace corio::report

#endif // CORIO_TIDY_PRINTEDDIAGNOSTICS_H

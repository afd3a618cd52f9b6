//===- BaselineFixes.h - --fix for the findings a baseline leaves -*- C++ -*-===//
//
// With --baseline, clang-tidy runs without its fix flags (it would fix the
// baselined findings too) and corio-tidy applies the fixes of the findings
// that are left, as clang-tidy would have.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_BASELINEFIXES_H
#define CORIO_TIDY_BASELINEFIXES_H

#include "Findings.h"
#include "ReportOptions.h"

#include <vector>

namespace corio::report {

/// Applies the fixes of the findings not suppressed by the baseline
/// (\p Findings and \p Diagnostics in the same order) to the files, as
/// --fix, --fix-errors and --fix-notes in \p Fixes ask; says what it did on
/// stderr. False if a file could not be rewritten.
bool applyUnsuppressedFixes(const std::vector<clang::tooling::Diagnostic> &Diagnostics,
                            const std::vector<Finding> &Findings, const FixFlags &Fixes);

} // namespace corio::report

#endif // CORIO_TIDY_BASELINEFIXES_H

//===- BaselineFixes.h - --fix for the findings a baseline leaves -*- C++ -*-===//
//
// With --baseline, clang-tidy first runs without its fix flags (it would fix
// the baselined findings too). Then, when findings with fixes are left, it
// runs again with them and a --line-filter holding just those findings'
// lines, so clang-tidy itself applies their fixes, by its own rules.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_BASELINEFIXES_H
#define CORIO_TIDY_BASELINEFIXES_H

#include "Findings.h"
#include "ReportOptions.h"

#include <optional>
#include <vector>

namespace corio::report {

/// Runs clang-tidy (this executable, \p Argv0) with Options.FixRunArgs
/// limited to the lines of the findings not suppressed by the baseline
/// (\p Findings and \p Diagnostics in the same order), its stdout dropped
/// (the first run's is what is printed) and its stderr shown. Returns its
/// exit status, or none when no finding left has a fix to apply.
std::optional<int>
applyUnsuppressedFixes(const char *Argv0, const ReportOptions &Options,
                       const std::vector<clang::tooling::Diagnostic> &Diagnostics,
                       const std::vector<Finding> &Findings);

} // namespace corio::report

#endif // CORIO_TIDY_BASELINEFIXES_H

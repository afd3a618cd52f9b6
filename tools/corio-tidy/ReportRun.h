//===- ReportRun.h - clang-tidy, then SARIF/GitLab/baseline -----*- C++ -*-===//
#ifndef CORIO_TIDY_REPORTRUN_H
#define CORIO_TIDY_REPORTRUN_H

#include "ReportOptions.h"

#include <vector>

namespace corio::report {

/// Runs clang-tidy with \p TidyArgs (corio's flags already removed) and its
/// diagnostics exported, then applies \p Options: suppresses baselined
/// findings in what is printed, writes the requested files, and decides the
/// exit status (docs/ci.md, "Exit status").
int runWithReports(std::vector<const char *> TidyArgs, const ReportOptions &Options);

} // namespace corio::report

#endif // CORIO_TIDY_REPORTRUN_H

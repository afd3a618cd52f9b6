//===- ReportRun.h - one clang-tidy run: baseline, SARIF, GitLab -*- C++ -*-===//
#ifndef CORIO_TIDY_REPORTRUN_H
#define CORIO_TIDY_REPORTRUN_H

#include "ReportOptions.h"

#include <vector>

namespace corio::report {

/// Runs clang-tidy with \p TidyArgs (corio's flags already removed) once,
/// taking its errors before it reports them (ErrorsHook.h): baselined
/// findings are dropped there, so clang-tidy's printing, --fix, --export-fixes
/// and exit status see only the rest; then writes the files \p Options asks
/// for and decides the exit status (docs/ci.md, "Exit status").
int runWithReports(std::vector<const char *> TidyArgs,
                   const ReportOptions &Options);

} // namespace corio::report

#endif // CORIO_TIDY_REPORTRUN_H

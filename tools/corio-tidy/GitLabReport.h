//===- GitLabReport.h - findings as GitLab Code Quality JSON ----*- C++ -*-===//
#ifndef CORIO_TIDY_GITLABREPORT_H
#define CORIO_TIDY_GITLABREPORT_H

#include "Findings.h"

#include "llvm/Support/raw_ostream.h"

namespace corio::report {

/// GitLab's Code Quality report (a subset of Code Climate's issue format):
/// one entry per finding that has a file and is not suppressed by the
/// baseline. Severity: errors are "critical", warnings "major", remarks "info".
void writeGitLab(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

} // namespace corio::report

#endif // CORIO_TIDY_GITLABREPORT_H

//===- SarifReport.h - findings as SARIF 2.1.0 ------------------*- C++ -*-===//
#ifndef CORIO_TIDY_SARIFREPORT_H
#define CORIO_TIDY_SARIFREPORT_H

#include "CheckRules.h"
#include "Findings.h"

#include "llvm/Support/raw_ostream.h"

namespace corio::report {

/// One SARIF run with a rule per check that reported, and a result per
/// finding not suppressed by the baseline (their fingerprints are listed in
/// the run's "baselineSuppressed" property instead, for totals). Paths
/// inside \p SourceRoot are relative to the base id SRCROOT.
void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const CheckRules &Rules, llvm::StringRef SourceRoot);

} // namespace corio::report

#endif // CORIO_TIDY_SARIFREPORT_H

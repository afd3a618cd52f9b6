//===- ReportOptions.h - corio-tidy's flags on top of clang-tidy's -*- C++ -*-===//
#ifndef CORIO_TIDY_REPORTOPTIONS_H
#define CORIO_TIDY_REPORTOPTIONS_H

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace corio::report {

struct ReportOptions {
  std::string SarifPath;         ///< --export-sarif=FILE
  std::string GitLabPath;        ///< --export-gitlab=FILE
  std::string BaselinePath;      ///< --baseline=FILE
  std::string WriteBaselinePath; ///< --write-baseline=FILE
  bool FailOnFindings = false;   ///< --fail-on-findings
  std::string ExplainCheck;      ///< --explain=CHECK: print its docs and exit

  /// Whether any corio flag was given; without one, corio-tidy is exactly
  /// clang-tidy.
  bool any() const {
    return !SarifPath.empty() || !GitLabPath.empty() || !BaselinePath.empty() ||
           !WriteBaselinePath.empty() || FailOnFindings;
  }
};

/// Removes corio-tidy's flags from \p Args (argv, program name first),
/// leaving clang-tidy's. Like clang-tidy's own, the flags take one or two
/// dashes and "=VALUE" or a separate argument; nothing after "--" (compiler
/// arguments) is looked at. Flags inside @response files are not seen.
llvm::Expected<ReportOptions>
takeReportOptions(std::vector<const char *> &Args);

} // namespace corio::report

#endif // CORIO_TIDY_REPORTOPTIONS_H

//===- ReportOptions.h - corio-tidy's flags on top of clang-tidy's -*- C++ -*-===//
#ifndef CORIO_TIDY_REPORTOPTIONS_H
#define CORIO_TIDY_REPORTOPTIONS_H

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace corio::report {

/// clang-tidy's --fix, --fix-errors and --fix-notes (each of which fixes).
struct FixFlags {
  bool Fix = false;
  bool Errors = false;
  bool Notes = false;

  bool any() const { return Fix || Errors || Notes; }
};

struct ReportOptions {
  std::string SarifPath;         ///< --export-sarif=FILE
  std::string GitLabPath;        ///< --export-gitlab=FILE
  std::string BaselinePath;      ///< --baseline=FILE
  std::string WriteBaselinePath; ///< --write-baseline=FILE
  bool FailOnFindings = false;   ///< --fail-on-findings
  std::string ExplainCheck;      ///< --explain=CHECK: print its docs and exit
  /// The user's own --export-fixes=FILE: clang-tidy accepts it once, so the
  /// report reads that file instead of asking for a second one.
  std::string UserExportFixes;
  /// clang-tidy's fix flags, taken off its command line when a baseline is
  /// given: the findings are worked out without them, then FixRunArgs (the
  /// fix flags kept, --export-fixes and --line-filter taken off) run
  /// clang-tidy again, limited to the lines of the findings left.
  FixFlags BaselineFixes;
  std::vector<const char *> FixRunArgs;

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
/// With --baseline, clang-tidy's fix flags are removed too (BaselineFixes).
llvm::Expected<ReportOptions> takeReportOptions(std::vector<const char *> &Args);

} // namespace corio::report

#endif // CORIO_TIDY_REPORTOPTIONS_H

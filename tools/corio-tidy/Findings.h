//===- Findings.h - clang-tidy's diagnostics, ready to report --*- C++ -*-===//
//
// One Finding per error of clang-tidy's run, with its offsets resolved to
// lines and columns and its baseline identity computed. The SARIF and GitLab
// writers and the baseline work from this list, in clang-tidy's order.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_FINDINGS_H
#define CORIO_TIDY_FINDINGS_H

#include "SourceFiles.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace corio::report {

/// What identifies a finding across edits: not its line number, so moving
/// code up or down keeps it; its check, file, function and flagged text.
struct FindingKey {
  std::string Check;
  std::string File;     ///< report path
  std::string Function; ///< enclosing function, see FunctionIndex.h
  std::string Source;   ///< flagged line(s), whitespace runs collapsed

  friend bool operator<(const FindingKey &A, const FindingKey &B) {
    return std::tie(A.Check, A.File, A.Function, A.Source) <
           std::tie(B.Check, B.File, B.Function, B.Source);
  }
};

struct Edit {
  TextRange Range;
  std::string NewText;
};

struct Note {
  std::string Message;
  std::optional<TextRange> Where;
  std::vector<Edit> Fix;
};

struct Finding {
  std::string Check;
  std::string Message;
  clang::tooling::Diagnostic::Level Level;
  std::optional<TextRange> Where; ///< absent for diagnostics without a file
  std::vector<Edit> Fix;
  std::vector<Note> Notes;
  FindingKey Key;
  /// Hex SHA-256 of Key and of how many findings with the same key came
  /// before this one in the run: unique per finding, stable across line
  /// shifts (SARIF partialFingerprints, GitLab fingerprint).
  std::string Fingerprint;
  bool SuppressedByBaseline = false;

  /// Compiler errors are never baselined: they mean the analysis is
  /// incomplete, not that the code has a known finding.
  bool isCompilerError() const { return Check == "clang-diagnostic-error"; }
};

/// One finding per error, in the same order.
std::vector<Finding>
resolveFindings(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                SourceFiles &Sources);

} // namespace corio::report

#endif // CORIO_TIDY_FINDINGS_H

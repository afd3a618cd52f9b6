//===- GitLabReport.cpp - findings as GitLab Code Quality JSON ------------===//
#include "GitLabReport.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace corio::report {
namespace {

llvm::StringRef severity(clang::tooling::Diagnostic::Level Level) {
  switch (Level) {
  case clang::tooling::Diagnostic::Error:
    return "critical";
  case clang::tooling::Diagnostic::Warning:
    return "major";
  case clang::tooling::Diagnostic::Remark:
    return "info";
  }
  llvm_unreachable("unknown diagnostic level");
}

} // namespace

void writeGitLab(llvm::raw_ostream &OS, const std::vector<Finding> &Findings) {
  llvm::json::Array Issues;
  for (const Finding &F : Findings) {
    // GitLab needs a path for every entry; a finding without a file (a bad
    // command line, say) is only in the text output and SARIF.
    if (F.SuppressedByBaseline || !F.Where)
      continue;
    Issues.push_back(llvm::json::Object{
        {"description", F.Message},
        {"check_name", F.Check},
        {"fingerprint", F.Fingerprint},
        {"severity", severity(F.Level)},
        {"location",
         llvm::json::Object{
             {"path", F.Where->ReportPath},
             {"lines", llvm::json::Object{{"begin", F.Where->StartLine}}}}}});
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Issues))) << "\n";
}

} // namespace corio::report

//===- ReportRun.cpp - one clang-tidy run: baseline, SARIF, GitLab --------===//
#include "ReportRun.h"
#include "Baseline.h"
#include "CheckRules.h"
#include "ErrorsHook.h"
#include "Findings.h"
#include "FunctionIndex.h"
#include "GitLabReport.h"
#include "SarifReport.h"

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace corio::report {
namespace {

int fail(llvm::Error E) {
  llvm::errs() << "corio-tidy: " << llvm::toString(std::move(E)) << "\n";
  return 1;
}

/// Writes a report file with \p Write, or says why it could not.
template <typename WriteFn>
bool writeFile(llvm::StringRef Path, WriteFn Write) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    llvm::errs() << "corio-tidy: cannot write " << Path << ": " << EC.message()
                 << "\n";
    return false;
  }
  Write(OS);
  return true;
}

/// Marks the findings \p Accepted covers and drops their errors, so that
/// clang-tidy neither prints, fixes, exports nor fails on them. Findings and
/// errors are in the same order.
void suppressBaselined(std::vector<Finding> &Findings,
                       std::vector<clang::tidy::ClangTidyError> &Errors,
                       Baseline &Accepted) {
  std::vector<clang::tidy::ClangTidyError> Kept;
  for (size_t I = 0; I < Findings.size(); ++I) {
    Finding &F = Findings[I];
    F.SuppressedByBaseline = !F.isCompilerError() && Accepted.consume(F.Key);
    if (!F.SuppressedByBaseline)
      Kept.push_back(std::move(Errors[I]));
  }
  Errors = std::move(Kept);
}

/// Writes the files \p Options asks for; false if one could not be written.
bool writeOutputs(const ReportOptions &Options,
                  const std::vector<Finding> &Findings,
                  llvm::StringRef SourceRoot, const char *Argv0) {
  bool Written = true;
  if (!Options.WriteBaselinePath.empty()) {
    Baseline Current;
    for (const Finding &F : Findings)
      if (!F.isCompilerError())
        Current.record(F.Key);
    if (llvm::Error E = Current.write(Options.WriteBaselinePath)) {
      fail(std::move(E));
      Written = false;
    }
  }
  if (!Options.SarifPath.empty()) {
    CheckRules Rules = CheckRules::forThisBuild(Argv0);
    Written &= writeFile(Options.SarifPath, [&](llvm::raw_ostream &OS) {
      writeSarif(OS, Findings, Rules, SourceRoot);
    });
  }
  if (!Options.GitLabPath.empty())
    Written &= writeFile(Options.GitLabPath, [&](llvm::raw_ostream &OS) {
      writeGitLab(OS, Findings);
    });
  return Written;
}

} // namespace

int runWithReports(std::vector<const char *> TidyArgs,
                   const ReportOptions &Options) {
  std::optional<Baseline> Accepted;
  if (!Options.BaselinePath.empty()) {
    llvm::Expected<Baseline> Read = Baseline::read(Options.BaselinePath);
    if (!Read)
      return fail(Read.takeError());
    Accepted = std::move(*Read);
  }

  llvm::SmallString<256> SourceRoot;
  llvm::sys::fs::current_path(SourceRoot);
  std::vector<Finding> Findings;
  enableFunctionIndex();
  setErrorsHook([&](std::vector<clang::tidy::ClangTidyError> &Errors,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
    SourceFiles Sources(std::string(SourceRoot), std::move(FS));
    std::vector<Finding> Found = resolveFindings(Errors, Sources);
    if (Accepted)
      suppressBaselined(Found, Errors, *Accepted);
    std::move(Found.begin(), Found.end(), std::back_inserter(Findings));
  });
  int Status = clang::tidy::clangTidyMain(TidyArgs.size(), TidyArgs.data());

  if (unsigned Suppressed = llvm::count_if(
          Findings, [](const Finding &F) { return F.SuppressedByBaseline; }))
    llvm::errs() << "corio-tidy: " << Suppressed << " finding"
                 << (Suppressed == 1 ? "" : "s")
                 << " suppressed by the baseline " << Options.BaselinePath
                 << "\n";
  if (!writeOutputs(Options, Findings, SourceRoot, TidyArgs[0]))
    return 1;
  if (Options.FailOnFindings && llvm::any_of(Findings, [](const Finding &F) {
        return !F.SuppressedByBaseline;
      }))
    return std::max(Status, 1);
  return Status;
}

} // namespace corio::report

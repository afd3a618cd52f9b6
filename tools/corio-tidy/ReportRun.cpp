//===- ReportRun.cpp - clang-tidy, then SARIF/GitLab/baseline -------------===//
#include "ReportRun.h"
#include "Baseline.h"
#include "BaselineFixes.h"
#include "CheckRules.h"
#include "Findings.h"
#include "FunctionIndex.h"
#include "GitLabReport.h"
#include "PrintedDiagnostics.h"
#include "SarifReport.h"
#include "StdoutCapture.h"

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
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
    llvm::errs() << "corio-tidy: cannot write " << Path << ": " << EC.message() << "\n";
    return false;
  }
  Write(OS);
  return true;
}

/// Prints what clang-tidy printed, minus the baselined diagnostics.
void printUnsuppressed(llvm::StringRef Output, const std::vector<Finding> &Findings) {
  llvm::SmallVector<bool> Drop;
  for (const Finding &F : Findings)
    Drop.push_back(F.SuppressedByBaseline);
  if (std::optional<std::string> Kept = withoutDiagnostics(Output, Drop)) {
    llvm::outs() << *Kept;
    return;
  }
  llvm::errs() << "corio-tidy: cannot match clang-tidy's output to its diagnostics; "
                  "printing it unfiltered (reports and exit status still use the baseline)\n";
  llvm::outs() << Output;
}

/// clang-tidy's status, what it printed (only when captured) and the
/// diagnostics it exported.
struct TidyRun {
  int Status;
  std::string Printed;
  std::vector<clang::tooling::Diagnostic> Diagnostics;
};

llvm::Expected<TidyRun> runClangTidy(std::vector<const char *> TidyArgs,
                                     const ReportOptions &Options, bool CaptureStdout) {
  std::string FixesPath = Options.UserExportFixes;
  std::optional<llvm::FileRemover> RemoveFixes;
  if (FixesPath.empty()) {
    llvm::SmallString<128> Temp;
    if (std::error_code EC =
            llvm::sys::fs::createTemporaryFile("corio-tidy-fixes", "yaml", Temp))
      return llvm::createFileError(Temp, EC);
    FixesPath = std::string(Temp);
    RemoveFixes.emplace(FixesPath);
  }
  // clang-tidy writes the file only when there are diagnostics; a stale one
  // (the user's, from an earlier run) must not be read as this run's.
  llvm::sys::fs::remove(FixesPath);
  std::string ExportFlag = "--export-fixes=" + FixesPath;
  if (Options.UserExportFixes.empty())
    TidyArgs.insert(TidyArgs.begin() + 1, ExportFlag.c_str());

  std::optional<StdoutCapture> Capture;
  if (CaptureStdout) {
    llvm::Expected<StdoutCapture> Started = StdoutCapture::start();
    if (!Started)
      return Started.takeError();
    Capture.emplace(std::move(*Started));
  }
  enableFunctionIndex();
  TidyRun Run;
  Run.Status = clang::tidy::clangTidyMain(TidyArgs.size(), TidyArgs.data());
  if (Capture)
    Run.Printed = Capture->finish();

  llvm::Expected<std::vector<clang::tooling::Diagnostic>> Diagnostics =
      readExportedDiagnostics(FixesPath);
  if (!Diagnostics) {
    llvm::outs() << Run.Printed; // nothing to filter it by
    return Diagnostics.takeError();
  }
  Run.Diagnostics = std::move(*Diagnostics);
  return Run;
}

/// Marks the findings \p Accepted covers; returns how many.
unsigned suppressBaselined(std::vector<Finding> &Findings, Baseline &Accepted) {
  unsigned Suppressed = 0;
  for (Finding &F : Findings)
    if (!F.isCompilerError() && Accepted.consume(F.Key)) {
      F.SuppressedByBaseline = true;
      ++Suppressed;
    }
  return Suppressed;
}

/// Writes the files \p Options asks for; false if one could not be written.
bool writeOutputs(const ReportOptions &Options, const std::vector<Finding> &Findings,
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
    Written &= writeFile(Options.GitLabPath,
                         [&](llvm::raw_ostream &OS) { writeGitLab(OS, Findings); });
  return Written;
}

int exitStatus(int TidyStatus, const std::vector<Finding> &Findings,
               const ReportOptions &Options) {
  auto Remaining = [](const Finding &F) { return !F.SuppressedByBaseline; };
  // clang-tidy fails on errors (compiler errors, WarningsAsErrors); when the
  // baseline suppressed every error it failed on, the run passes.
  if (!Options.BaselinePath.empty() && TidyStatus != 0 && !Findings.empty() &&
      llvm::none_of(Findings, [&](const Finding &F) {
        return Remaining(F) && F.Level == clang::tooling::Diagnostic::Error;
      }))
    TidyStatus = 0;
  if (Options.FailOnFindings && llvm::any_of(Findings, Remaining))
    return std::max(TidyStatus, 1);
  return TidyStatus;
}

} // namespace

int runWithReports(std::vector<const char *> TidyArgs, const ReportOptions &Options) {
  std::optional<Baseline> Accepted;
  if (!Options.BaselinePath.empty()) {
    llvm::Expected<Baseline> Read = Baseline::read(Options.BaselinePath);
    if (!Read)
      return fail(Read.takeError());
    Accepted = std::move(*Read);
  }

  llvm::Expected<TidyRun> Run =
      runClangTidy(TidyArgs, Options, /*CaptureStdout=*/Accepted.has_value());
  if (!Run)
    return fail(Run.takeError());

  llvm::SmallString<256> SourceRoot;
  llvm::sys::fs::current_path(SourceRoot);
  SourceFiles Sources{std::string(SourceRoot)};
  std::vector<Finding> Findings = resolveFindings(Run->Diagnostics, Sources);

  if (Accepted) {
    unsigned Suppressed = suppressBaselined(Findings, *Accepted);
    printUnsuppressed(Run->Printed, Findings);
    if (Suppressed)
      llvm::errs() << "corio-tidy: " << Suppressed << " finding"
                   << (Suppressed == 1 ? "" : "s") << " suppressed by the baseline "
                   << Options.BaselinePath << "\n";
  }
  if (!writeOutputs(Options, Findings, SourceRoot, TidyArgs[0]))
    return 1;
  int TidyStatus = Run->Status;
  if (Options.BaselineFixes.any())
    if (std::optional<int> FixStatus =
            applyUnsuppressedFixes(TidyArgs[0], Options, Run->Diagnostics, Findings))
      TidyStatus = *FixStatus < 0 ? 1 : *FixStatus;
  return exitStatus(TidyStatus, Findings, Options);
}

} // namespace corio::report

//===- CorioTidyMain.cpp - clang-tidy with the async module built in ------===//
//
// clangTidyMain drags in every upstream module; the async module's objects
// are linked directly into this executable, so its registration runs too.
//
// Without corio's own flags (--export-sarif, --export-gitlab, --baseline,
// --write-baseline, --fail-on-findings, --explain) the command line goes to
// clang-tidy untouched: corio-tidy is then clang-tidy, flags, output and exit
// status, except that --version names corio too.
//
//===----------------------------------------------------------------------===//
#include "CheckExplanation.h"
#include "CorioCommit.h"
#include "ReportOptions.h"
#include "ReportRun.h"

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

// corio's flags are taken off the command line before clang-tidy parses it
// (ReportOptions.cpp), so they are not cl::opts; --help lists them here.
static llvm::cl::extrahelp CorioHelp(R"(
corio-tidy's own options (docs/ci.md):

  --export-sarif=FILE    - Write the findings as SARIF 2.1.0 (GitHub code scanning).
  --export-gitlab=FILE   - Write the findings as a GitLab Code Quality report.
  --baseline=FILE        - Suppress the findings recorded in FILE: not printed,
                           not reported, not failing the run.
  --write-baseline=FILE  - Record every finding of this run in FILE.
  --fail-on-findings     - Exit 1 when any finding is left after the baseline.
  --explain=CHECK        - Print what CHECK flags and its options, and exit.
)");

int main(int Argc, const char **Argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "corio-tidy " << CORIO_VERSION << " (commit " << CORIO_COMMIT
       << "), clang-tidy with corio's async-* checks\n";
  });
  std::vector<const char *> TidyArgs(Argv, Argv + Argc);
  llvm::Expected<corio::report::ReportOptions> Options =
      corio::report::takeReportOptions(TidyArgs);
  if (!Options) {
    llvm::errs() << llvm::toString(Options.takeError()) << "\n";
    return 1;
  }
  if (!Options->ExplainCheck.empty()) {
    return corio::report::explainCheck(
               llvm::outs(), corio::report::CheckRules::forThisBuild(Argv[0]),
               Options->ExplainCheck)
               ? 0
               : 1;
  }
  if (!Options->any())
    return clang::tidy::clangTidyMain(Argc, Argv);
  return corio::report::runWithReports(std::move(TidyArgs), *Options);
}

//===- CorioTidyMain.cpp - clang-tidy with the async module built in ------===//
//
// clangTidyMain drags in every upstream module; the async module's objects
// are linked directly into this executable, so its registration runs too.
//
// Without corio's own flags (--export-sarif, --export-gitlab, --baseline,
// --write-baseline, --fail-on-findings) the command line goes to clang-tidy
// untouched: corio-tidy is then clang-tidy, flags, output and exit status.
//
//===----------------------------------------------------------------------===//
#include "ReportOptions.h"
#include "ReportRun.h"

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/raw_ostream.h"

int main(int Argc, const char **Argv) {
  std::vector<const char *> TidyArgs(Argv, Argv + Argc);
  llvm::Expected<corio::report::ReportOptions> Options =
      corio::report::takeReportOptions(TidyArgs);
  if (!Options) {
    llvm::errs() << llvm::toString(Options.takeError()) << "\n";
    return 1;
  }
  if (!Options->any())
    return clang::tidy::clangTidyMain(Argc, Argv);
  return corio::report::runWithReports(std::move(TidyArgs), *Options);
}

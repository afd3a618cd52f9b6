//===- BaselineFixes.cpp - --fix for the findings a baseline leaves -------===//
#include "BaselineFixes.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <set>

namespace corio::report {

std::optional<int>
applyUnsuppressedFixes(const char *Argv0, const ReportOptions &Options,
                       const std::vector<clang::tooling::Diagnostic> &Diagnostics,
                       const std::vector<Finding> &Findings) {
  // Every finding left, fixable or not, so that clang-tidy weighs the same
  // fixes against each other as it would without the baselined ones. Files
  // are named as clang-tidy named them, which is what its filter compares.
  llvm::MapVector<llvm::StringRef, std::set<unsigned>> Lines;
  bool AnyFix = false;
  for (size_t I = 0; I < Findings.size(); ++I) {
    if (Findings[I].SuppressedByBaseline || !Findings[I].Where)
      continue;
    Lines[Diagnostics[I].Message.FilePath].insert(Findings[I].Where->StartLine);
    const auto *Fix = clang::tidy::getFixIt(Diagnostics[I], Options.BaselineFixes.Notes);
    AnyFix |= Fix && !Fix->empty();
  }
  if (!AnyFix)
    return std::nullopt;

  llvm::json::Array Filter;
  for (const auto &[File, FileLines] : Lines) {
    llvm::json::Array Ranges;
    for (unsigned Line : FileLines)
      Ranges.push_back(llvm::json::Array{Line, Line});
    Filter.push_back(llvm::json::Object{{"name", File}, {"lines", std::move(Ranges)}});
  }
  std::string LineFilter;
  llvm::raw_string_ostream(LineFilter) << "--line-filter=" << llvm::json::Value(std::move(Filter));

  std::string Self = llvm::sys::fs::getMainExecutable(Argv0, (void *)&applyUnsuppressedFixes);
  std::vector<llvm::StringRef> Args{Self, LineFilter};
  for (const char *Arg : llvm::drop_begin(Options.FixRunArgs))
    Args.push_back(Arg);
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(""), std::nullopt};
  std::string Error;
  int Status = llvm::sys::ExecuteAndWait(Self, Args, std::nullopt, Redirects, 0, 0, &Error);
  if (Status < 0)
    llvm::errs() << "corio-tidy: the run that applies the fixes failed: " << Error << "\n";
  return Status;
}

} // namespace corio::report

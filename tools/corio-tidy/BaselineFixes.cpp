//===- BaselineFixes.cpp - --fix for the findings a baseline leaves -------===//
#include "BaselineFixes.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace corio::report {
namespace {

using FileReplacements = std::map<std::string, clang::tooling::Replacements>;

/// The file a replacement edits, absolute: clang-tidy exports paths as the
/// compiler opened them, relative to the compile command's directory.
std::string absoluteFile(llvm::StringRef File, llvm::StringRef BuildDirectory) {
  llvm::SmallString<256> Path(File);
  llvm::sys::path::make_absolute(BuildDirectory, Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

/// Adds one finding's replacements to \p All, all of them or, when one
/// conflicts with a fix already taken, none (as clang-tidy does).
bool addFix(const clang::tooling::Diagnostic &Diagnostic,
            const llvm::StringMap<clang::tooling::Replacements> &Fix, FileReplacements &All) {
  FileReplacements Trial;
  for (const auto &[Written, Replacements] : Fix) {
    const std::string File = absoluteFile(Written, Diagnostic.BuildDirectory);
    auto [It, New] = Trial.try_emplace(File, All[File]);
    for (const clang::tooling::Replacement &R : Replacements)
      if (llvm::Error Conflict = It->second.add(clang::tooling::Replacement(
              File, R.getOffset(), R.getLength(), R.getReplacementText()))) {
        llvm::consumeError(std::move(Conflict));
        return false;
      }
  }
  for (auto &[File, Replacements] : Trial)
    All[File] = std::move(Replacements);
  return true;
}

bool rewrite(const std::string &File, const clang::tooling::Replacements &Replacements) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Code = llvm::MemoryBuffer::getFile(File);
  if (!Code) {
    llvm::errs() << "corio-tidy: cannot read " << File << ": " << Code.getError().message()
                 << "\n";
    return false;
  }
  llvm::Expected<std::string> Fixed =
      clang::tooling::applyAllReplacements((*Code)->getBuffer(), Replacements);
  if (!Fixed) {
    llvm::errs() << "corio-tidy: cannot fix " << File << ": "
                 << llvm::toString(Fixed.takeError()) << "\n";
    return false;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(File, EC, llvm::sys::fs::OF_None);
  if (EC) {
    llvm::errs() << "corio-tidy: cannot write " << File << ": " << EC.message() << "\n";
    return false;
  }
  OS << *Fixed;
  return true;
}

} // namespace

bool applyUnsuppressedFixes(const std::vector<clang::tooling::Diagnostic> &Diagnostics,
                            const std::vector<Finding> &Findings, const FixFlags &Fixes) {
  // clang-tidy's own rule: code that did not compile is fixed only on request.
  if (!Fixes.Errors && llvm::any_of(Findings, [](const Finding &F) {
        return !F.SuppressedByBaseline && F.isCompilerError();
      })) {
    llvm::errs() << "corio-tidy: found compiler errors, but --fix-errors was not given; "
                    "fixes have NOT been applied\n";
    return true;
  }
  FileReplacements All;
  unsigned Suggested = 0, Taken = 0, LeftToBaseline = 0;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const auto *Fix = clang::tidy::getFixIt(Diagnostics[I], Fixes.Notes);
    if (!Fix || Fix->empty())
      continue;
    if (Findings[I].SuppressedByBaseline) {
      ++LeftToBaseline;
      continue;
    }
    ++Suggested;
    Taken += addFix(Diagnostics[I], *Fix, All);
  }
  bool Written = true;
  for (const auto &[File, Replacements] : All)
    if (!Replacements.empty())
      Written &= rewrite(File, Replacements);
  llvm::errs() << "corio-tidy: applied " << Taken << " of " << Suggested << " suggested fix"
               << (Suggested == 1 ? "" : "es");
  if (Taken < Suggested)
    llvm::errs() << " (the others conflict with those applied)";
  llvm::errs() << "; left out the fixes of " << LeftToBaseline << " baselined finding"
               << (LeftToBaseline == 1 ? "" : "s") << "\n";
  return Written;
}

} // namespace corio::report

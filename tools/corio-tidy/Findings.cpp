//===- Findings.cpp - clang-tidy's diagnostics, ready to report -----------===//
#include "Findings.h"
#include "FunctionIndex.h"
#include "Paths.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

#include <algorithm>
#include <map>

namespace corio::report {
namespace {

using clang::tooling::DiagnosticMessage;

/// Indentation and reflowing must not change a finding's identity.
std::string collapseWhitespace(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef> Words;
  llvm::SplitString(Text, Words);
  return llvm::join(Words, " ");
}

std::string fingerprint(const FindingKey &Key, unsigned Occurrence) {
  llvm::SHA256 Hash;
  for (llvm::StringRef Part :
       {llvm::StringRef(Key.Check), llvm::StringRef(Key.File),
        llvm::StringRef(Key.Function), llvm::StringRef(Key.Source)}) {
    Hash.update(Part);
    Hash.update(llvm::StringRef("\0", 1));
  }
  Hash.update(std::to_string(Occurrence));
  return llvm::toHex(Hash.final(), /*LowerCase=*/true);
}

class FindingResolver {
public:
  explicit FindingResolver(SourceFiles &Sources) : Sources(Sources) {}

  Finding resolve(const clang::tooling::Diagnostic &D) {
    BuildDirectory = D.BuildDirectory;
    Finding F;
    F.Check = D.DiagnosticName;
    F.Message = D.Message.Message;
    F.Level = D.DiagLevel;
    F.Where = where(D.Message);
    F.Fix = edits(D.Message);
    for (const DiagnosticMessage &N : D.Notes)
      F.Notes.push_back({N.Message, where(N), edits(N)});
    F.Key = key(F);
    F.Fingerprint = fingerprint(F.Key, Occurrences[F.Key]++);
    return F;
  }

private:
  /// The message's position, extended to the end of a highlighted range
  /// that starts there (clang-tidy exports the caret and ranges apart); a
  /// bare caret covers the character under it.
  std::optional<TextRange> where(const DiagnosticMessage &M) {
    if (M.FilePath.empty())
      return std::nullopt;
    std::string File = absolutePath(M.FilePath, BuildDirectory);
    unsigned Length = 0;
    for (const clang::tooling::FileByteRange &R : M.Ranges)
      if (R.FilePath == M.FilePath && R.FileOffset <= M.FileOffset &&
          M.FileOffset <= R.FileOffset + R.Length)
        Length = std::max(Length, R.FileOffset + R.Length - M.FileOffset);
    if (Length == 0)
      Length = Sources.characterLength(File, M.FileOffset);
    return Sources.range(File, M.FileOffset, Length);
  }

  std::vector<Edit> edits(const DiagnosticMessage &M) {
    std::vector<Edit> Result;
    for (const auto &FileReplacements : M.Fix)
      for (const clang::tooling::Replacement &R : FileReplacements.second)
        if (auto Range =
                Sources.range(absolutePath(R.getFilePath(), BuildDirectory),
                              R.getOffset(), R.getLength()))
          Result.push_back(
              {std::move(*Range), std::string(R.getReplacementText())});
    // The fix is a map keyed by file; reports must not depend on its order.
    llvm::sort(Result, [](const Edit &A, const Edit &B) {
      return std::tie(A.Range.ReportPath, A.Range.Offset) <
             std::tie(B.Range.ReportPath, B.Range.Offset);
    });
    return Result;
  }

  FindingKey key(const Finding &F) {
    FindingKey Key{F.Check, "", "", ""};
    if (F.Where) {
      Key.File = F.Where->ReportPath;
      Key.Function = enclosingFunction(F.Where->AbsolutePath, F.Where->Offset);
      Key.Source = collapseWhitespace(Sources.linesOf(*F.Where));
    } else {
      Key.Source = F.Message;
    }
    return Key;
  }

  SourceFiles &Sources;
  std::string BuildDirectory;
  std::map<FindingKey, unsigned> Occurrences;
};

} // namespace

std::vector<Finding>
resolveFindings(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                SourceFiles &Sources) {
  FindingResolver Resolver(Sources);
  std::vector<Finding> Findings;
  for (const clang::tooling::Diagnostic &D : Errors)
    Findings.push_back(Resolver.resolve(D));
  return Findings;
}

} // namespace corio::report

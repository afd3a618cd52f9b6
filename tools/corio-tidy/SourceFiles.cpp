//===- SourceFiles.cpp - offsets to lines and columns ---------------------===//
#include "SourceFiles.h"
#include "Paths.h"

#include <algorithm>

namespace corio::report {

const SourceFiles::File *SourceFiles::file(llvm::StringRef AbsolutePath) {
  auto [It, Inserted] = Files.try_emplace(AbsolutePath);
  if (Inserted) {
    auto Buffer = llvm::MemoryBuffer::getFile(AbsolutePath, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (Buffer) {
      File F{std::move(*Buffer), {0}};
      llvm::StringRef Text = F.Buffer->getBuffer();
      for (size_t I = 0; I < Text.size(); ++I)
        if (Text[I] == '\n')
          F.LineStarts.push_back(I + 1);
      It->second = std::move(F);
    }
  }
  return It->second ? &*It->second : nullptr;
}

std::pair<unsigned, unsigned> SourceFiles::lineAndColumn(const File &F,
                                                         unsigned Offset) {
  auto Next = std::upper_bound(F.LineStarts.begin(), F.LineStarts.end(), Offset);
  unsigned Line = Next - F.LineStarts.begin();
  llvm::StringRef Before =
      F.Buffer->getBuffer().slice(F.LineStarts[Line - 1], Offset);
  // UTF-8 continuation bytes (10xxxxxx) do not start a code point.
  unsigned CodePoints = llvm::count_if(
      Before, [](char C) { return (static_cast<unsigned char>(C) & 0xC0) != 0x80; });
  return {Line, CodePoints + 1};
}

std::optional<TextRange> SourceFiles::range(llvm::StringRef AbsolutePath,
                                            unsigned Offset, unsigned Length) {
  const File *F = file(AbsolutePath);
  if (!F || Offset + Length > F->Buffer->getBufferSize())
    return std::nullopt;
  TextRange R;
  R.AbsolutePath = std::string(AbsolutePath);
  R.ReportPath = reportPath(AbsolutePath, SourceRoot);
  R.Offset = Offset;
  R.Length = Length;
  std::tie(R.StartLine, R.StartColumn) = lineAndColumn(*F, Offset);
  std::tie(R.EndLine, R.EndColumn) = lineAndColumn(*F, Offset + Length);
  return R;
}

unsigned SourceFiles::characterLength(llvm::StringRef AbsolutePath, unsigned Offset) {
  const File *F = file(AbsolutePath);
  if (!F)
    return 0;
  llvm::StringRef Rest = F->Buffer->getBuffer().drop_front(Offset);
  if (Rest.empty() || Rest.front() == '\n' || Rest.starts_with("\r\n"))
    return 0;
  // Continuation bytes (10xxxxxx) belong to the code point before them.
  unsigned Length = 1;
  while (Length < Rest.size() && (static_cast<unsigned char>(Rest[Length]) & 0xC0) == 0x80)
    ++Length;
  return Length;
}

llvm::StringRef SourceFiles::linesOf(const TextRange &Range) {
  const File *F = file(Range.AbsolutePath);
  if (!F)
    return {};
  llvm::StringRef Text = F->Buffer->getBuffer();
  unsigned Begin = F->LineStarts[Range.StartLine - 1];
  unsigned End = Range.EndLine < F->LineStarts.size()
                     ? F->LineStarts[Range.EndLine]
                     : Text.size();
  return Text.slice(Begin, End);
}

} // namespace corio::report

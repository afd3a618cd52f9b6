//===- SourceFiles.cpp - offsets to lines and columns ---------------------===//
#include "SourceFiles.h"
#include "Paths.h"

#include "llvm/ADT/STLExtras.h"

namespace corio::report {

SourceFiles::SourceFiles(std::string SourceRoot,
                         llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
    : SourceRoot(std::move(SourceRoot)),
      Files(clang::FileSystemOptions(), std::move(FS)),
      Diagnostics(clang::DiagnosticIDs::create(), DiagOptions),
      Sources(Diagnostics, Files) {}

std::optional<clang::FileID> SourceFiles::file(llvm::StringRef AbsolutePath) {
  auto [It, Inserted] = IDs.try_emplace(AbsolutePath);
  if (Inserted)
    if (clang::OptionalFileEntryRef Entry =
            Files.getOptionalFileRef(AbsolutePath)) {
      clang::FileID ID =
          Sources.getOrCreateFileID(*Entry, clang::SrcMgr::C_User);
      bool Invalid = false;
      Sources.getBufferData(ID, &Invalid);
      if (!Invalid)
        It->second = ID;
    }
  return It->second;
}

unsigned SourceFiles::lineStart(clang::FileID File, unsigned Offset) const {
  return Offset + 1 - Sources.getColumnNumber(File, Offset);
}

std::pair<unsigned, unsigned>
SourceFiles::lineAndColumn(clang::FileID File, unsigned Offset) const {
  llvm::StringRef Before =
      Sources.getBufferData(File).slice(lineStart(File, Offset), Offset);
  // UTF-8 continuation bytes (10xxxxxx) do not start a code point.
  unsigned CodePoints = llvm::count_if(Before, [](char C) {
    return (static_cast<unsigned char>(C) & 0xC0) != 0x80;
  });
  return {Sources.getLineNumber(File, Offset), CodePoints + 1};
}

std::optional<TextRange> SourceFiles::range(llvm::StringRef AbsolutePath,
                                            unsigned Offset, unsigned Length) {
  std::optional<clang::FileID> File = file(AbsolutePath);
  if (!File || Offset + Length > Sources.getBufferData(*File).size())
    return std::nullopt;
  TextRange R;
  R.AbsolutePath = std::string(AbsolutePath);
  R.ReportPath = reportPath(AbsolutePath, SourceRoot);
  R.Offset = Offset;
  R.Length = Length;
  std::tie(R.StartLine, R.StartColumn) = lineAndColumn(*File, Offset);
  std::tie(R.EndLine, R.EndColumn) = lineAndColumn(*File, Offset + Length);
  return R;
}

unsigned SourceFiles::characterLength(llvm::StringRef AbsolutePath,
                                      unsigned Offset) {
  std::optional<clang::FileID> File = file(AbsolutePath);
  if (!File)
    return 0;
  llvm::StringRef Rest = Sources.getBufferData(*File).drop_front(Offset);
  if (Rest.empty() || Rest.front() == '\n' || Rest.starts_with("\r\n"))
    return 0;
  // Continuation bytes (10xxxxxx) belong to the code point before them.
  unsigned Length = 1;
  while (Length < Rest.size() &&
         (static_cast<unsigned char>(Rest[Length]) & 0xC0) == 0x80)
    ++Length;
  return Length;
}

llvm::StringRef SourceFiles::linesOf(const TextRange &Range) {
  std::optional<clang::FileID> File = file(Range.AbsolutePath);
  if (!File)
    return {};
  llvm::StringRef Text = Sources.getBufferData(*File);
  size_t End = Text.find('\n', lineStart(*File, Range.Offset + Range.Length));
  return Text.slice(lineStart(*File, Range.Offset),
                    End == llvm::StringRef::npos ? Text.size() : End + 1);
}

} // namespace corio::report

//===- SourceFiles.h - offsets to lines and columns -------------*- C++ -*-===//
//
// clang-tidy exports byte offsets; SARIF, GitLab and people want lines and
// columns. Files are read once and kept for the run.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_SOURCEFILES_H
#define CORIO_TIDY_SOURCEFILES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corio::report {

/// A stretch of a file: byte offsets as clang gives them, and 1-based lines
/// and columns as reports want them. Columns count Unicode code points; the
/// end is exclusive (SARIF's convention).
struct TextRange {
  std::string AbsolutePath;
  std::string ReportPath; ///< relative to the source root when inside it
  unsigned Offset = 0;
  unsigned Length = 0;
  unsigned StartLine = 0, StartColumn = 0, EndLine = 0, EndColumn = 0;
};

class SourceFiles {
public:
  explicit SourceFiles(std::string SourceRoot) : SourceRoot(std::move(SourceRoot)) {}

  /// The range of \p Length bytes at \p Offset in \p AbsolutePath; nothing
  /// when the file cannot be read or is shorter than the range.
  std::optional<TextRange> range(llvm::StringRef AbsolutePath, unsigned Offset,
                                 unsigned Length);

  /// Bytes of the character (UTF-8 code point) at \p Offset; 0 at a line's
  /// end or the file's, or when the file cannot be read.
  unsigned characterLength(llvm::StringRef AbsolutePath, unsigned Offset);

  /// The text of the whole lines that \p Range touches.
  llvm::StringRef linesOf(const TextRange &Range);

private:
  struct File {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<unsigned> LineStarts; ///< byte offset of each line's start
  };
  const File *file(llvm::StringRef AbsolutePath);
  /// 1-based line and code-point column of \p Offset.
  static std::pair<unsigned, unsigned> lineAndColumn(const File &F, unsigned Offset);

  std::string SourceRoot;
  llvm::StringMap<std::optional<File>> Files;
};

} // namespace corio::report

#endif // CORIO_TIDY_SOURCEFILES_H

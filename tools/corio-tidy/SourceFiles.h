//===- SourceFiles.h - offsets to lines and columns -------------*- C++ -*-===//
//
// clang-tidy's errors carry byte offsets; SARIF, GitLab and people want lines
// and columns. A clang SourceManager over the file system clang-tidy's run
// read (so --vfsoverlay files are found too) gives them; each file is read
// once.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_SOURCEFILES_H
#define CORIO_TIDY_SOURCEFILES_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

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
  SourceFiles(std::string SourceRoot,
              llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);

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
  /// The file's text, read on first use; nothing when it cannot be read.
  std::optional<clang::FileID> file(llvm::StringRef AbsolutePath);
  /// 1-based line and code-point column of \p Offset.
  std::pair<unsigned, unsigned> lineAndColumn(clang::FileID File,
                                              unsigned Offset) const;
  /// Where the line holding \p Offset starts.
  unsigned lineStart(clang::FileID File, unsigned Offset) const;

  std::string SourceRoot;
  clang::FileManager Files;
  clang::DiagnosticOptions DiagOptions;
  clang::DiagnosticsEngine Diagnostics;
  clang::SourceManager Sources;
  llvm::StringMap<std::optional<clang::FileID>> IDs;
};

} // namespace corio::report

#endif // CORIO_TIDY_SOURCEFILES_H

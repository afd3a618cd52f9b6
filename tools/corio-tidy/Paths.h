//===- Paths.h - the two spellings of a file name in reports ---*- C++ -*-===//
#ifndef CORIO_TIDY_PATHS_H
#define CORIO_TIDY_PATHS_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace corio::report {

/// \p Path made absolute against \p Directory (clang names files relative to
/// the compile command's directory) with "." and ".." removed, so the same
/// file gets one name whichever translation unit saw it.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Directory);

/// How reports name \p AbsolutePath: relative to \p SourceRoot (with '/'
/// separators) when inside it, so results compare across checkouts and
/// machines; unchanged otherwise (system and third-party headers).
std::string reportPath(llvm::StringRef AbsolutePath,
                       llvm::StringRef SourceRoot);

/// \p Path as a URI reference: '/'-separated, characters outside RFC 3986's
/// unreserved set percent-encoded; "file://" prepended when absolute.
std::string pathToUri(llvm::StringRef Path);

} // namespace corio::report

#endif // CORIO_TIDY_PATHS_H

//===- ErrorsHook.h - clang-tidy's errors, between its run and its report -*- C++ -*-===//
//
// clangTidyMain parses clang-tidy's command line, runs runClangTidy once and
// hands the errors it returns to handleErrors (print, --fix), exportReplacements
// (--export-fixes) and its exit status. corio-tidy links clangTidyMain with
// runClangTidy wrapped (CMakeLists.txt, --wrap), so it sees those errors in
// between: every clang-tidy flag keeps its meaning, and whatever the hook
// removes (baselined findings) is not printed, fixed, exported or failed on.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_ERRORSHOOK_H
#define CORIO_TIDY_ERRORSHOOK_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <functional>
#include <vector>

namespace corio::report {

/// Sees the errors of every runClangTidy call, with the file system the run
/// read its sources from, and may remove some.
using ErrorsHook =
    std::function<void(std::vector<clang::tidy::ClangTidyError> &,
                       llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>)>;

/// Installs \p Hook for the rest of the process; without one, runClangTidy's
/// errors pass through unchanged.
void setErrorsHook(ErrorsHook Hook);

} // namespace corio::report

#endif // CORIO_TIDY_ERRORSHOOK_H

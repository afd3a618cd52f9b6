//===- ErrorsHook.cpp - clang-tidy's errors, between its run and its report ===//
//
// The linker's --wrap=SYMBOL sends clangTidyMain's call of runClangTidy to
// __wrap_SYMBOL and makes __real_SYMBOL the library's function. The names are
// the Itanium mangling of runClangTidy's LLVM 22 signature
// (CORIO_RUN_CLANG_TIDY_SYMBOL, set next to the --wrap flag): if LLVM changes
// the signature, __real_ stays undefined and the link fails, rather than the
// hook silently never running.
//
//===----------------------------------------------------------------------===//
#include "ErrorsHook.h"

#include "clang-tidy/ClangTidy.h"

namespace corio::report {
namespace {
ErrorsHook &installedHook() {
  static ErrorsHook Hook;
  return Hook;
}
} // namespace

void setErrorsHook(ErrorsHook Hook) { installedHook() = std::move(Hook); }

} // namespace corio::report

using clang::tidy::ClangTidyContext;
using clang::tidy::ClangTidyError;

// Declared with runClangTidy's own type, so the two cannot drift apart.
using RunClangTidy = decltype(clang::tidy::runClangTidy);
RunClangTidy realRunClangTidy __asm__("__real_" CORIO_RUN_CLANG_TIDY_SYMBOL);
RunClangTidy wrappedRunClangTidy __asm__("__wrap_" CORIO_RUN_CLANG_TIDY_SYMBOL);

std::vector<ClangTidyError> wrappedRunClangTidy(
    ClangTidyContext &Context,
    const clang::tooling::CompilationDatabase &Compilations,
    llvm::ArrayRef<std::string> InputFiles,
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS,
    bool ApplyAnyFix, bool EnableCheckProfile,
    llvm::StringRef StoreCheckProfile, bool Quiet) {
  std::vector<ClangTidyError> Errors =
      realRunClangTidy(Context, Compilations, InputFiles, BaseFS, ApplyAnyFix,
                       EnableCheckProfile, StoreCheckProfile, Quiet);
  if (const corio::report::ErrorsHook &Hook = corio::report::installedHook())
    Hook(Errors, BaseFS);
  return Errors;
}

//===- BlockingCallCheck.h - async-blocking-call ---------------*- C++ -*-===//
#ifndef CORIO_CHECKS_BLOCKINGCALLCHECK_H
#define CORIO_CHECKS_BLOCKINGCALLCHECK_H

#include "utils/CatalogueList.h"
#include "utils/ParentIndex.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace clang::tidy::async {

/// Flags calls that block the calling thread (sleeps, synchronous waits,
/// locks, file, console and network I/O) inside a coroutine body, where that
/// thread runs the event loop.
///
/// Docs: docs/checks/async-blocking-call.md
class BlockingCallCheck : public ClangTidyCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override {
    Reported.clear();
    Parents = helpers::ParentIndex();
  }

private:
  const bool CheckSleep;
  const bool CheckSyncWait;
  const bool CheckLock;
  const bool CheckFileIO;
  const bool CheckConsole;
  const bool CheckNetwork;
  const bool CheckQt;
  /// Catalogue sleeps, waits, file, filesystem and network functions, and
  /// the user's own (matched as regular expressions).
  const helpers::CatalogueList BlockingFunctions;
  const std::vector<StringRef> AllowedFunctions;
  const bool WrapInToThread;
  utils::IncludeInserter Inserter;
  /// Each template instantiation matches again at the same location.
  llvm::DenseSet<SourceLocation> Reported;
  /// Parents around the findings, never from the shared ASTContext map.
  helpers::ParentIndex Parents;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_BLOCKINGCALLCHECK_H

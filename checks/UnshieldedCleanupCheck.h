//===- UnshieldedCleanupCheck.h - async-unshielded-cleanup ------*- C++ -*-===//
#ifndef CORIO_CHECKS_UNSHIELDEDCLEANUPCHECK_H
#define CORIO_CHECKS_UNSHIELDEDCLEANUPCHECK_H

#include "utils/CatalogueList.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

namespace clang::tidy::async {

/// Flags a co_await or co_yield that runs after a handler caught a
/// cancellation and before the cancellation is rethrown or the coroutine
/// ends, when nothing shields it: the coroutine is still cancelled there,
/// so the awaited cleanup is cancelled too.
///
/// Docs: docs/checks/async-unshielded-cleanup.md
class UnshieldedCleanupCheck : public ClangTidyCheck {
public:
  UnshieldedCleanupCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

private:
  void checkTry(const CXXTryStmt &Try, const FunctionDecl &Coroutine,
                ASTContext &Ctx, std::unique_ptr<CFG> &Cfg,
                llvm::DenseSet<const Expr *> &Reported);

  /// The catalogue's shields, and the user's own shielding wrappers.
  const helpers::CatalogueList ShieldFunctions;
  /// Every error-code enumerator that means "cancelled", fully qualified.
  const std::vector<std::string> CancellationCodes;
  utils::IncludeInserter Inserter;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_UNSHIELDEDCLEANUPCHECK_H

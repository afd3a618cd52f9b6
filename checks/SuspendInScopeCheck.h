//===- SuspendInScopeCheck.h - async-suspend-in-scope -*- C++ -*-===//
#ifndef CORIO_CHECKS_SUSPENDINSCOPECHECK_H
#define CORIO_CHECKS_SUSPENDINSCOPECHECK_H

#include "utils/CatalogueList.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/Matchers.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <memory>
#include <vector>

namespace clang {
class CFG;
class CoroutineSuspendExpr;
} // namespace clang

namespace clang::tidy::async {

/// Flags co_await / co_yield reached while a thread-blocking lock guard, a
/// timeout or cancel scope (co_yield only) or a thread-affine object is alive,
/// following each through the coroutine body's CFG.
///
/// Docs: docs/checks/async-suspend-in-scope.md
class SuspendInScopeCheck : public ClangTidyCheck {
public:
  SuspendInScopeCheck(StringRef Name, ClangTidyContext *Context);
  ~SuspendInScopeCheck() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  bool isAllowedAwaitable(const CoroutineSuspendExpr &Suspension) const;
  /// Reports the suspensions a mutex locked by \p Lock may still be held at.
  void checkRawLock(const FunctionDecl &Coroutine,
                    const CXXMemberCallExpr &Lock, ASTContext &Context);
  /// The coroutine body's CFG, built once however many guards it declares
  /// (null if it cannot be built).
  const CFG *cfgOf(const FunctionDecl &Coroutine, ASTContext &Context);

  const std::vector<StringRef> ScopeTypes;
  /// The catalogue's mutexes and lock guards, and the user's own lock types.
  const helpers::CatalogueList LockTypes;
  const std::vector<StringRef> ThreadAffineTypes;
  const std::vector<StringRef> AllowedAwaitables;
  std::vector<tidy::matchers::MatchesAnyListedRegexNameMatcher::NameMatcher>
      AllowedAwaitableMatchers;

  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CFG>> Cfgs;
  /// (suspension, guard) locations already reported: a template instantiated
  /// twice must not report twice.
  llvm::DenseSet<std::pair<unsigned, unsigned>> Reported;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_SUSPENDINSCOPECHECK_H

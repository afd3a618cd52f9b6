//===- CoroutineCallbackCheck.h - async-coroutine-callback -*- C++ -*-===//
#ifndef CORIO_CHECKS_COROUTINECALLBACKCHECK_H
#define CORIO_CHECKS_COROUTINECALLBACKCHECK_H

#include "utils/TaskType.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>

namespace clang::tidy::async {

/// Flags a task-returning callable (a coroutine lambda or function) passed
/// where a plain callback is expected, so the task it returns is discarded.
///
/// Docs: docs/checks/async-coroutine-callback.md
class CoroutineCallbackCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Reported.clear();
    TaskTypes = helpers::TaskTypes();
  }

private:
  /// Reports Callable if calling it returns a coroutine task; Sink is what
  /// discards the result, as the warning names it.
  void diagnoseIfTask(const Expr &Callable, StringRef Sink,
                      ASTContext &Context);

  helpers::TaskTypes TaskTypes;
  /// Callables already reported: the instantiations of a template share them.
  llvm::DenseSet<SourceLocation> Reported;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_COROUTINECALLBACKCHECK_H

//===- UnawaitedTaskCheck.h - async-unawaited-task -*- C++ -*-===//
#ifndef CORIO_CHECKS_UNAWAITEDTASKCHECK_H
#define CORIO_CHECKS_UNAWAITEDTASKCHECK_H

#include "utils/ParentIndex.h"
#include "utils/TaskType.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Flags lazy coroutine tasks that are created and dropped without being awaited, spawned or passed
/// on.
///
/// Docs: docs/checks/async-unawaited-task.md
class UnawaitedTaskCheck : public ClangTidyCheck {
public:
  UnawaitedTaskCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Reported.clear();
    TaskTypes = helpers::TaskTypes();
    Parents = helpers::ParentIndex();
  }

private:
  /// Where a warning was given: the instantiations of a template share their
  /// locations, and each location is reported once.
  llvm::DenseSet<SourceLocation> Reported;
  void diagnoseDroppedCall(const CallExpr &Call, const FunctionDecl &Callable,
                           helpers::ParentIndex &Parents);

  const bool AllowVoidCast;
  /// Which classes are lazy awaitable tasks, decided once per class.
  helpers::TaskTypes TaskTypes;
  /// Parents around the few candidates, never from the shared ASTContext map.
  helpers::ParentIndex Parents;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_UNAWAITEDTASKCHECK_H

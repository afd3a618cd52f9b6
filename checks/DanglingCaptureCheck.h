//===- DanglingCaptureCheck.h - async-dangling-capture ----------*- C++ -*-===//
#ifndef CORIO_CHECKS_DANGLINGCAPTURECHECK_H
#define CORIO_CHECKS_DANGLINGCAPTURECHECK_H

#include "utils/ParentIndex.h"
#include "utils/TaskType.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Flags a capturing lambda coroutine invoked on the spot whose task outlives
/// the closure temporary: stored, returned, spawned or detached. The frame
/// reaches the captures through the closure, which dies at the end of the
/// full-expression.
///
/// Docs: docs/checks/async-dangling-capture.md
class DanglingCaptureCheck : public ClangTidyCheck {
public:
  DanglingCaptureCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Reported.clear();
    Parents = helpers::ParentIndex();
    Types = helpers::TaskTypes();
  }

private:
  void noteRemedy(const CXXOperatorCallExpr &Call, const LambdaExpr &Lambda,
                  const CallExpr *Sink, ASTContext &Ctx);

  llvm::DenseSet<SourceLocation> Reported;
  helpers::ParentIndex Parents;
  helpers::TaskTypes Types;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_DANGLINGCAPTURECHECK_H

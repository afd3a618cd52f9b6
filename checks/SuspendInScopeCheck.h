//===- SuspendInScopeCheck.h - async-suspend-in-scope -*- C++ -*-===//
#ifndef CORIO_CHECKS_SUSPENDINSCOPECHECK_H
#define CORIO_CHECKS_SUSPENDINSCOPECHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// Flags suspension points reached while a scoped timeout, cancel scope or thread-blocking lock guard is alive.
///
/// Docs: docs/checks/async-suspend-in-scope.md
class SuspendInScopeCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_SUSPENDINSCOPECHECK_H

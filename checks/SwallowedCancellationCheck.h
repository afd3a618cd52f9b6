//===- SwallowedCancellationCheck.h - async-swallowed-cancellation -*- C++ -*-===//
#ifndef CORIO_CHECKS_SWALLOWEDCANCELLATIONCHECK_H
#define CORIO_CHECKS_SWALLOWEDCANCELLATIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// Flags catch handlers in coroutines that catch a cancellation exception and do not rethrow it.
///
/// Docs: docs/checks/async-swallowed-cancellation.md
class SwallowedCancellationCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_SWALLOWEDCANCELLATIONCHECK_H

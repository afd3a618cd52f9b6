//===- DetachedTaskCheck.h - async-detached-task -*- C++ -*-===//
#ifndef CORIO_CHECKS_DETACHEDTASKCHECK_H
#define CORIO_CHECKS_DETACHEDTASKCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// Flags work started with nobody to join it: co_spawn with detached, thread::detach, folly start() with the future dropped, and similar.
///
/// Docs: docs/checks/async-detached-task.md
class DetachedTaskCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_DETACHEDTASKCHECK_H

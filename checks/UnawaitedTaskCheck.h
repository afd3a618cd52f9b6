//===- UnawaitedTaskCheck.h - async-unawaited-task -*- C++ -*-===//
#ifndef CORIO_CHECKS_UNAWAITEDTASKCHECK_H
#define CORIO_CHECKS_UNAWAITEDTASKCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// Flags lazy coroutine tasks that are created and dropped without being awaited, spawned or passed on.
///
/// Docs: docs/checks/async-unawaited-task.md
class UnawaitedTaskCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_UNAWAITEDTASKCHECK_H

//===- NestedEventLoopCheck.h - async-nested-event-loop -*- C++ -*-===//
#ifndef CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H
#define CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// Flags event loops run (or synchronously awaited) from inside a coroutine, directly or through functions it calls.
///
/// Docs: docs/checks/async-nested-event-loop.md
class NestedEventLoopCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H

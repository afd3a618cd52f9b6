//===- BlockingCallCheck.h - async-blocking-call ---------------*- C++ -*-===//
#ifndef CORIO_CHECKS_BLOCKINGCALLCHECK_H
#define CORIO_CHECKS_BLOCKINGCALLCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// Flags calls that block the calling thread (sleeps, synchronous waits on
/// futures) inside a coroutine body, where that thread runs the event loop.
///
/// Docs: docs/checks/async-blocking-call.md
class BlockingCallCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_BLOCKINGCALLCHECK_H

//===- BusyWaitCheck.h - async-busy-wait -*- C++ -*-===//
#ifndef CORIO_CHECKS_BUSYWAITCHECK_H
#define CORIO_CHECKS_BUSYWAITCHECK_H

#include "utils/CatalogueList.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/Matchers.h"

#include "llvm/ADT/DenseSet.h"

#include <optional>
#include <vector>

namespace clang::tidy::async {

/// Flags a loop in a coroutine that polls a condition and whose only
/// suspension is a short sleep (a sleep function or a timer wait) or a yield.
///
/// Docs: docs/checks/async-busy-wait.md
class BusyWaitCheck : public ClangTidyCheck {
public:
  BusyWaitCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Reported.clear(); }

  /// What a suspension of the loop does: wait a known interval (0 for a
  /// yield), wait an interval not known at compile time, or real work.
  struct Pause {
    bool IsYield;
    std::optional<long double> Seconds;
  };

private:
  std::optional<Pause> pauseOf(const Expr &Suspension, const Stmt &LoopBody,
                               ASTContext &Context) const;
  bool isSleepFunction(const FunctionDecl &Callee) const;
  bool isTimer(const CXXRecordDecl *Class) const;
  /// The interval a timer awaited in the loop waits: set in the loop by an
  /// interval setter or its constructor, or unknown.
  std::optional<long double> timerInterval(const Expr &Timer,
                                           const Stmt &LoopBody,
                                           ASTContext &Context) const;

  const StringRef MaxPollIntervalText;
  long double MaxPollSeconds = 1;
  /// The catalogue's sleeps and yields, and the user's own.
  const helpers::CatalogueList SleepFunctions;
  std::vector<tidy::matchers::MatchesAnyListedRegexNameMatcher::NameMatcher>
      SleepMatchers;
  const std::vector<StringRef> Timers;
  const std::vector<StringRef> TimerWaits;
  const std::vector<StringRef> TimerIntervals;
  /// Loops already reported: the instantiations of a template share them.
  llvm::DenseSet<SourceLocation> Reported;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_BUSYWAITCHECK_H

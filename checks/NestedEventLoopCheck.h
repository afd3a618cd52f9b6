//===- NestedEventLoopCheck.h - async-nested-event-loop -*- C++ -*-===//
#ifndef CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H
#define CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <string>
#include <vector>

namespace clang::tidy::async {

/// Flags event loops run (or synchronously awaited) from inside a coroutine, directly or through functions it calls.
///
/// Matching only records facts: which function calls which, where event
/// loops are run, which functions are coroutines or thread entries. The
/// call chains are solved once, at the end of the translation unit.
/// Function bodies are walked once each, as their own function runs them
/// (not into lambdas, local classes or unevaluated operands), which also
/// replaces parent-map lookups.
///
/// Docs: docs/checks/async-nested-event-loop.md
class NestedEventLoopCheck : public ClangTidyCheck {
public:
  NestedEventLoopCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// A call that runs an event loop or waits for one (FutureWait set).
  struct LoopCall {
    const CallExpr *Call;
    std::string Name;
    const CXXMemberCallExpr *FutureWait;
  };
  /// Where a call runs: the function whose body evaluates it.
  struct Placement {
    const FunctionDecl *Caller;
    bool AwaitAllowed; // [expr.await]: not in a handler or static initializer
  };
  struct CallSite {
    const FunctionDecl *Callee;
    const CallExpr *Call;
  };
  /// How breadth-first search from the coroutines first reached a function.
  struct Reach {
    const FunctionDecl *Caller;
    const CallExpr *Call;
    unsigned Depth;
  };

  void diagnose(const LoopCall &Loop, const Placement &Where, unsigned Depth);
  std::vector<FixItHint> fixesFor(const LoopCall &Loop, const FunctionDecl &Coroutine,
                                  SourceLocation &FutureOrigin);

  const std::string EventLoopFunctions;
  const unsigned MaxCallDepth;

  // Facts recorded while matching (functions and callees canonical).
  ASTContext *AST = nullptr;
  std::vector<LoopCall> LoopCalls;
  llvm::DenseMap<const CallExpr *, Placement> Placements;
  llvm::DenseMap<const FunctionDecl *, std::vector<CallSite>> CallsFrom;
  llvm::SetVector<const FunctionDecl *> Coroutines;
  llvm::SmallPtrSet<const FunctionDecl *, 4> ThreadEntries;
  /// Calls that are the operand of a postfix operator (`f().x`).
  llvm::SmallPtrSet<const Expr *, 16> PostfixOperands;
  // Solved at the end of the translation unit.
  llvm::DenseMap<const FunctionDecl *, Reach> Reached;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H

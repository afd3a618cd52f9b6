//===- NestedEventLoopCheck.h - async-nested-event-loop -*- C++ -*-===//
#ifndef CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H
#define CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H

#include "utils/CatalogueList.h"
#include "utils/ParentIndex.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async {

/// Flags event loops run (or synchronously awaited) from inside a coroutine,
/// directly or through functions it calls.
///
/// Matching only records the coroutines and thread entries of the
/// translation unit. The call chains are solved once, at its end: breadth
/// first from the coroutines, walking each function body that a coroutine
/// reaches within MaxCallDepth calls once, as its own function runs it (not
/// into lambdas, local classes or unevaluated operands), and looking for
/// event loops only among the calls seen there. Functions no coroutine
/// reaches are never walked, and no parent map is needed.
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
  /// Where a call runs: the function whose body evaluates it.
  struct Placement {
    const FunctionDecl *Caller;
    bool AwaitAllowed; // [expr.await]: not in a handler or static initializer
  };
  /// A call that runs an event loop or waits for one (FutureWait set), in a
  /// function Depth calls away from a coroutine.
  struct LoopCall {
    const CallExpr *Call;
    std::string Name;
    const CXXMemberCallExpr *FutureWait;
    Placement Where;
    unsigned Depth;
  };
  /// How breadth-first search from the coroutines first reached a function.
  struct Reach {
    const FunctionDecl *Caller;
    const CallExpr *Call;
    unsigned Depth;
  };

  void findLoopCalls();
  std::optional<LoopCall> asLoopCall(const CallExpr &Call);
  void diagnose(const LoopCall &Loop);
  std::vector<FixItHint> fixesFor(const LoopCall &Loop,
                                  const FunctionDecl &Coroutine,
                                  SourceLocation &FutureOrigin);

  const bool CheckQt;
  /// Catalogue loop runners and blocking waits, and the user's own.
  const helpers::CatalogueList EventLoopFunctions;
  const unsigned MaxCallDepth;

  /// What an event-loop call looks like; tried only on calls whose callee
  /// (or function object) has one of the names below.
  std::optional<ast_matchers::StatementMatcher> LoopCallMatcher;
  llvm::StringSet<> LoopFunctionNames;
  llvm::StringSet<> LoopObjectNames;
  /// Whether EventLoopFunctions lists operators or conversions, which have
  /// no identifier to compare.
  bool ListsOperators = false;

  // Facts recorded while matching (functions canonical).
  ASTContext *AST = nullptr;
  llvm::SetVector<const FunctionDecl *> Coroutines;
  llvm::SmallPtrSet<const FunctionDecl *, 4> ThreadEntries;
  // Found at the end of the translation unit.
  llvm::DenseMap<const FunctionDecl *, Reach> Reached;
  std::vector<LoopCall> LoopCalls;
  /// Parents of the calls fixed, never from the shared ASTContext map.
  helpers::ParentIndex Parents;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_NESTEDEVENTLOOPCHECK_H

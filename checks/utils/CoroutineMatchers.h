//===- CoroutineMatchers.h - matchers shared by the async checks ----------===//
//
// Where a coroutine body starts and ends is what every async-* check needs
// first: a call is "in a coroutine" only if the closest enclosing callable
// (function, lambda or block) is itself a coroutine.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_COROUTINEMATCHERS_H
#define CORIO_CHECKS_UTILS_COROUTINEMATCHERS_H

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::matchers {

/// Matches a function (or a lambda's call operator) whose body contains
/// co_await, co_yield or co_return, i.e. whose body Sema turned into a
/// CoroutineBodyStmt.
AST_MATCHER(FunctionDecl, isCoroutine) {
  return llvm::isa_and_nonnull<CoroutineBodyStmt>(Node.getBody());
}

/// Matches a function instantiated from a template (a function template
/// specialisation, a member of a class template specialisation, a lambda in
/// one). Unlike isInstantiated(), it needs no walk up the parent map.
AST_MATCHER(FunctionDecl, isInstantiatedFromPattern) {
  return Node.getTemplateInstantiationPattern() != nullptr;
}

/// For a function, matches each statement of its own body that matches
/// Inner (binding per match, like forEachDescendant): a coroutine's written
/// body, without the code Sema synthesizes around it, and without the bodies
/// of lambdas and blocks it contains, which are callables of their own.
///
/// Anchoring a check on the coroutine and walking down is what keeps the
/// async checks cheap: asking each candidate statement for its enclosing
/// callable (forCallable, hasAncestor) makes clang build a parent map of the
/// whole translation unit, which costs more than all the checks together.
AST_MATCHER_P(FunctionDecl, forEachStmtInBody,
              ast_matchers::internal::Matcher<Stmt>, Inner) {
  const Stmt *Body = Node.getBody();
  if (const auto *Coroutine = llvm::dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  ast_matchers::internal::BoundNodesTreeBuilder Matches;
  bool Matched = false;
  llvm::SmallVector<const Stmt *, 64> Pending;
  if (Body)
    Pending.push_back(Body);
  while (!Pending.empty()) {
    const Stmt *S = Pending.pop_back_val();
    if (!S)
      continue;
    ast_matchers::internal::BoundNodesTreeBuilder Match(*Builder);
    if (Inner.matches(*S, Finder, &Match)) {
      Matched = true;
      Matches.addMatch(Match);
    }
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(S)) {
      // Capture initializers run here; the body runs when it is called.
      for (const Expr *Init : Lambda->capture_inits())
        Pending.push_back(Init);
      continue;
    }
    if (llvm::isa<BlockExpr>(S))
      continue;
    // The written operand only: the awaiter calls and promise calls Sema
    // builds around it repeat it.
    if (const auto *Suspend = llvm::dyn_cast<CoroutineSuspendExpr>(S)) {
      Pending.push_back(Suspend->getOperand());
      continue;
    }
    if (const auto *Return = llvm::dyn_cast<CoreturnStmt>(S)) {
      Pending.push_back(Return->getOperand());
      continue;
    }
    for (const Stmt *Child : S->children())
      Pending.push_back(Child);
  }
  *Builder = std::move(Matches);
  return Matched;
}

} // namespace clang::tidy::async::matchers

#endif // CORIO_CHECKS_UTILS_COROUTINEMATCHERS_H

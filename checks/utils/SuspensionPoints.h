//===- SuspensionPoints.h - where a statement can suspend its coroutine ---===//
//
// A co_await or co_yield suspends the coroutine whose body contains it, and
// the coroutine resumes (or is cancelled) right there. One inside a nested
// lambda belongs to that lambda's own frame, so it does not count.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_SUSPENSIONPOINTS_H
#define CORIO_CHECKS_UTILS_SUSPENSIONPOINTS_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::helpers {

/// Appends the co_await / co_yield expressions (CoawaitExpr, CoyieldExpr,
/// DependentCoawaitExpr) in S to Found in source order, not looking into
/// lambdas or blocks.
inline void
collectSuspensionPoints(const Stmt *S,
                        llvm::SmallVectorImpl<const Expr *> &Found) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  // Only the operand is user code; the rest of a suspend expression is
  // Sema's expansion (await_ready / await_suspend / await_resume calls).
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
    Found.push_back(Suspend);
    collectSuspensionPoints(Suspend->getOperand(), Found);
    return;
  }
  if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(S)) {
    Found.push_back(Dependent);
    collectSuspensionPoints(Dependent->getOperand(), Found);
    return;
  }
  for (const Stmt *Child : S->children())
    collectSuspensionPoints(Child, Found);
}

/// The expression a co_await awaits, or null for co_yield.
inline const Expr *awaitedOperand(const Expr *SuspensionPoint) {
  if (const auto *Await = dyn_cast<CoawaitExpr>(SuspensionPoint))
    return Await->getOperand();
  if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(SuspensionPoint))
    return Dependent->getOperand();
  return nullptr;
}

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_SUSPENSIONPOINTS_H

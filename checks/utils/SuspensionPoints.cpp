//===- SuspensionPoints.cpp - where a statement can suspend its coroutine -===//
#include "utils/SuspensionPoints.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::helpers {

void collectSuspensionPoints(const Stmt *S,
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

const Expr *awaitedOperand(const Expr *SuspensionPoint) {
  if (const auto *Await = dyn_cast<CoawaitExpr>(SuspensionPoint))
    return Await->getOperand();
  if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(SuspensionPoint))
    return Dependent->getOperand();
  return nullptr;
}

} // namespace clang::tidy::async::helpers

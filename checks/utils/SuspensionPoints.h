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
void collectSuspensionPoints(const Stmt *S,
                             llvm::SmallVectorImpl<const Expr *> &Found);

/// The expression a co_await awaits, or null for co_yield.
const Expr *awaitedOperand(const Expr *SuspensionPoint);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_SUSPENSIONPOINTS_H

//===- DiscardedValue.h - is an expression's value thrown away? -----------===//
//
// A future that nobody keeps, a task that nobody awaits: several checks need
// to know whether the value of an expression reaches a statement position
// (and is dropped there) or is used by its parent.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_DISCARDEDVALUE_H
#define CORIO_CHECKS_UTILS_DISCARDEDVALUE_H

#include "ParentIndex.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::helpers {

/// What happens to the value of an expression.
enum class ValueUse {
  Used,       ///< its parent consumes it (argument, initializer, operand...)
  Discarded,  ///< it is the whole expression of a statement
  CastToVoid, ///< the same, but written as an explicit cast to void
};

namespace detail {
/// Whether Child sits where C++ expects a statement inside Parent (and so its
/// value is discarded), rather than in a condition or a GNU statement
/// expression's result.
bool isStatementPosition(const Stmt &Parent, const Stmt *Child,
                         ParentIndex &Parents);
} // namespace detail

/// Follows E's value upwards through the nodes that only carry it along
/// (implicit casts, temporaries, parentheses, the right operand of a comma)
/// and tells whether it ends up dropped.
ValueUse valueUse(const Expr &E, ParentIndex &Index);

/// Whether \p E is a statement of its own (`t.join();`): in a statement
/// position with nothing around it but its full-expression, so a fix-it can
/// replace it by any other expression.
bool isExpressionStatement(const Expr &E, ParentIndex &Index);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_DISCARDEDVALUE_H

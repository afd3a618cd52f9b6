//===- CoAwaitParens.h - where a fix-it's co_await needs parentheses ------===//
//
// co_await is a unary operator ([expr.unary]): `co_await cast-expression` is
// a unary-expression. A fix-it that writes `co_await X` in place of an
// expression E must parenthesise X when X is not a cast-expression, and the
// whole `co_await X` when E's place asks for a postfix-expression: the
// operand of a postfix operator. Every other operator takes a
// cast-expression or something looser.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_COAWAITPARENS_H
#define CORIO_CHECKS_UTILS_COAWAITPARENS_H

#include "ParentIndex.h"

#include "clang/AST/Expr.h"

namespace clang::tidy::async::helpers {

/// Whether `co_await X` written in place of \p E must be wrapped in
/// parentheses to keep E's meaning there: E (through the nodes Sema added
/// around it) is the object of a member access, the callee of a call, the
/// base of a subscript or the operand of postfix `++`/`--`. An argument, a
/// subscript's index or an operand of any other operator needs none.
bool needsParensAroundCoAwait(const Expr &E, ParentIndex &Parents);

/// Whether \p E as written must be wrapped in parentheses to be the operand
/// of co_await: it is not a cast-expression (a binary or conditional
/// operator, an assignment, a comma, throw or co_yield).
bool needsParensAsCoAwaitOperand(const Expr &E);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_COAWAITPARENS_H

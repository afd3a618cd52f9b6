//===- UnevaluatedOperand.h - is an expression ever evaluated? ------------===//
//
// A call inside sizeof, decltype, noexcept or a non-polymorphic typeid never
// runs, so checks about what a call does at run time must skip it.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_UNEVALUATEDOPERAND_H
#define CORIO_CHECKS_UTILS_UNEVALUATEDOPERAND_H

#include "AncestorInCallable.h"

#include "clang/AST/ExprConcepts.h"
#include "clang/AST/TypeLoc.h"

namespace clang::tidy::async {

/// Whether \p S lies in an unevaluated operand within its enclosing callable.
bool isInUnevaluatedOperand(const Stmt &S, helpers::ParentIndex &Parents);

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_UTILS_UNEVALUATEDOPERAND_H

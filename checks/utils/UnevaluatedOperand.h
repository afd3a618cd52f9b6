//===- UnevaluatedOperand.h - is an expression ever evaluated? ------------===//
//
// A call inside sizeof, decltype, noexcept or a non-polymorphic typeid never
// runs, so checks about what a call does at run time must skip it.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_UNEVALUATEDOPERAND_H
#define CORIO_CHECKS_UTILS_UNEVALUATEDOPERAND_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/TypeLoc.h"

namespace clang::tidy::async {

/// Whether \p S lies in an unevaluated operand within its enclosing callable.
/// Walks up the parents only as far as the closest function, lambda or
/// block, so the cost is the nesting depth of one body.
inline bool isInUnevaluatedOperand(const Stmt &S, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(S);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (const auto *TL = Parent.get<TypeLoc>()) {
      if (TL->getAs<DecltypeTypeLoc>())
        return true;
    } else if (const auto *P = Parent.get<Stmt>()) {
      if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(P))
        return true;
      if (const auto *TypeId = dyn_cast<CXXTypeidExpr>(P);
          TypeId && !TypeId->isPotentiallyEvaluated())
        return true;
      if (isa<LambdaExpr, BlockExpr>(P))
        return false;
    } else if (Parent.get<FunctionDecl>()) {
      return false;
    }
    Parents = Context.getParents(Parent);
  }
  return false;
}

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_UTILS_UNEVALUATEDOPERAND_H

//===- UnevaluatedOperand.cpp - is an expression ever evaluated? ----------===//
#include "utils/UnevaluatedOperand.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/TypeLoc.h"

namespace clang::tidy::async {

bool isInUnevaluatedOperand(const Stmt &S, helpers::ParentIndex &Parents) {
  return helpers::hasAncestorInCallable(
      S, Parents, [](const DynTypedNode &Ancestor) {
        if (const auto *TL = Ancestor.get<TypeLoc>())
          return !TL->getAs<DecltypeTypeLoc>().isNull();
        const auto *P = Ancestor.get<Stmt>();
        if (!P)
          return false;
        if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(P))
          return true;
        const auto *TypeId = dyn_cast<CXXTypeidExpr>(P);
        return TypeId && !TypeId->isPotentiallyEvaluated();
      });
}

} // namespace clang::tidy::async

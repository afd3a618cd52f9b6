//===- CoAwaitAllowed.cpp - may a fix-it put co_await here? ---------------===//
#include "utils/CoAwaitAllowed.h"

#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async {

bool isCoAwaitAllowedAt(const Expr &E, helpers::ParentIndex &Parents) {
  return !helpers::hasAncestorInCallable(
      E, Parents, [](const DynTypedNode &Ancestor) {
        const auto *Var = Ancestor.get<VarDecl>();
        return Ancestor.get<CXXCatchStmt>() ||
               (Var && Var->isLocalVarDecl() && !Var->hasLocalStorage());
      });
}

} // namespace clang::tidy::async

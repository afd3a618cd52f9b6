//===- AncestorInCallable.cpp - look up from a node, within its callable --===//
#include "utils/AncestorInCallable.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::helpers {

const FunctionDecl *enclosingCallable(const Stmt &S, ParentIndex &Index) {
  DynTypedNodeList Parents = Index.get(S);
  while (!Parents.empty()) {
    if (const auto *Function = Parents[0].get<FunctionDecl>())
      return Function;
    if (const auto *Lambda = Parents[0].get<LambdaExpr>())
      return Lambda->getCallOperator();
    Parents = Index.get(Parents[0]);
  }
  return nullptr;
}

} // namespace clang::tidy::async::helpers

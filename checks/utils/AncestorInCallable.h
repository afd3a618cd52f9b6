//===- AncestorInCallable.h - look up from a node, within its callable ----===//
//
// Several questions about a statement ("is it in a catch handler", "in a
// sizeof operand") are answered by its ancestors up to the function or
// lambda it belongs to, and no further.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_ANCESTORINCALLABLE_H
#define CORIO_CHECKS_UTILS_ANCESTORINCALLABLE_H

#include "ParentIndex.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::helpers {

/// Whether IsWanted holds for an ancestor of S below its closest enclosing
/// function, lambda or block.
template <class Predicate>
bool hasAncestorInCallable(const Stmt &S, ParentIndex &Index,
                           Predicate IsWanted) {
  DynTypedNodeList Parents = Index.get(S);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>() ||
        Parent.get<BlockExpr>())
      return false;
    if (IsWanted(Parent))
      return true;
    Parents = Index.get(Parent);
  }
  return false;
}

/// The function or lambda whose body contains S (what forCallable finds).
const FunctionDecl *enclosingCallable(const Stmt &S, ParentIndex &Index);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_ANCESTORINCALLABLE_H

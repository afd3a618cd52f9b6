//===- DiscardedValue.cpp - is an expression's value thrown away? ---------===//
#include "utils/DiscardedValue.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::helpers {

namespace detail {
bool isStatementPosition(const Stmt &Parent, const Stmt *Child,
                         ParentIndex &Parents) {
  if (const auto *Compound = dyn_cast<CompoundStmt>(&Parent)) {
    if (Compound->body_empty() || Compound->body_back() != Child)
      return true;
    const DynTypedNodeList Grandparents = Parents.get(*Compound);
    return Grandparents.empty() || !Grandparents[0].get<StmtExpr>();
  }
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return Child == If->getInit() || Child == If->getThen() ||
           Child == If->getElse();
  if (const auto *For = dyn_cast<ForStmt>(&Parent))
    return Child == For->getInit() || Child == For->getInc() ||
           Child == For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(&Parent))
    return Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Parent))
    return Child == Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Parent))
    return Child == Range->getBody();
  if (const auto *Switch = dyn_cast<SwitchStmt>(&Parent))
    return Child == Switch->getBody();
  if (const auto *Case = dyn_cast<SwitchCase>(&Parent))
    return Child == Case->getSubStmt();
  // A labelled or attributed statement stands where the label or the
  // attributes do: the last one of a statement expression is its result.
  const auto *Label = dyn_cast<LabelStmt>(&Parent);
  const auto *Attributed = dyn_cast<AttributedStmt>(&Parent);
  if ((Label && Child == Label->getSubStmt()) ||
      (Attributed && Child == Attributed->getSubStmt())) {
    const DynTypedNodeList Grandparents = Parents.get(Parent);
    const auto *Grandparent =
        Grandparents.size() == 1 ? Grandparents[0].get<Stmt>() : nullptr;
    return !Grandparent || isStatementPosition(*Grandparent, &Parent, Parents);
  }
  return false;
}
} // namespace detail

ValueUse valueUse(const Expr &E, ParentIndex &Index) {
  const Stmt *Current = &E;
  bool CastToVoid = false;
  while (true) {
    const DynTypedNodeList Parents = Index.get(*Current);
    if (Parents.size() != 1)
      return ValueUse::Used;
    const auto *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      return ValueUse::Used;
    const ValueUse Dropped =
        CastToVoid ? ValueUse::CastToVoid : ValueUse::Discarded;
    if (isa<FullExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
            ImplicitCastExpr, ParenExpr>(Parent)) {
      Current = Parent;
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Parent);
        Cast && Cast->getType()->isVoidType()) {
      CastToVoid = true;
      Current = Parent;
      continue;
    }
    if (const auto *Comma = dyn_cast<BinaryOperator>(Parent);
        Comma && Comma->isCommaOp()) {
      if (Comma->getLHS() == Current)
        return Dropped;
      Current = Parent;
      continue;
    }
    if (isa<Expr>(Parent))
      return ValueUse::Used;
    return detail::isStatementPosition(*Parent, Current, Index)
               ? Dropped
               : ValueUse::Used;
  }
}

bool isExpressionStatement(const Expr &E, ParentIndex &Index) {
  const Stmt *Self = &E;
  DynTypedNodeList Parents = Index.get(E);
  if (Parents.size() == 1)
    if (const auto *Cleanups = Parents[0].get<ExprWithCleanups>()) {
      Self = Cleanups;
      Parents = Index.get(*Cleanups);
    }
  if (Parents.size() != 1)
    return false;
  const auto *Parent = Parents[0].get<Stmt>();
  return Parent && !isa<Expr>(Parent) &&
         detail::isStatementPosition(*Parent, Self, Index);
}

} // namespace clang::tidy::async::helpers

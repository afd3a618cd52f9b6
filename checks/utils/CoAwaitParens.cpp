//===- CoAwaitParens.cpp - where a fix-it's co_await needs parentheses ----===//
#include "CoAwaitParens.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::helpers {

namespace {

/// Whether \p Child, a child of \p Parent, is the operand of a postfix
/// operator there.
bool isPostfixOperand(const Expr &Parent, const Expr &Child) {
  if (isa<MemberExpr, CXXPseudoDestructorExpr, CXXDependentScopeMemberExpr,
          UnresolvedMemberExpr>(Parent))
    return true; // the object is the only child
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(&Parent))
    return Subscript->getLHS() == &Child; // `a[i]` or `i[a]`: the one before
  if (const auto *Unary = dyn_cast<UnaryOperator>(&Parent))
    return Unary->isPostfix();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Parent)) {
    switch (Op->getOperator()) {
    case OO_Call:
    case OO_Subscript:
    case OO_Arrow:
      return Op->getArg(0) == &Child;
    case OO_PlusPlus:
    case OO_MinusMinus:
      return Op->getNumArgs() == 2 && Op->getArg(0) == &Child; // `x++`
    default:
      return false;
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(&Parent))
    return Call->getCallee() == &Child;
  return false;
}

} // namespace

bool needsParensAroundCoAwait(const Expr &E, ParentIndex &Parents) {
  const Expr *Child = &E;
  while (true) {
    DynTypedNodeList Around = Parents.get(*Child);
    if (Around.empty())
      return false;
    if (Around.size() != 1) // shared by several parents: be safe
      return true;
    const auto *Parent = Around[0].get<Expr>();
    if (!Parent)
      return false;
    // A node that spans exactly its child's text is one Sema added (an
    // implicit cast, a temporary, a conversion call): the written context is
    // further up. Parentheses span more.
    if (Parent->getSourceRange() != Child->getSourceRange())
      return isPostfixOperand(*Parent, *Child);
    Child = Parent;
  }
}

bool needsParensAsCoAwaitOperand(const Expr &E) {
  const Expr *Written = E.IgnoreImplicit();
  if (isa<BinaryOperator, AbstractConditionalOperator,
          CXXRewrittenBinaryOperator, CXXThrowExpr, CoyieldExpr>(Written))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Written)) {
    switch (Op->getOperator()) {
    case OO_Call:
    case OO_Subscript:
    case OO_Arrow:
    case OO_PlusPlus:
    case OO_MinusMinus:
      return false; // postfix, or a prefix unary operator
    default:
      return Op->getNumArgs() == 2; // binary; `-x`, `*x`, `!x` are unary
    }
  }
  return false;
}

} // namespace clang::tidy::async::helpers

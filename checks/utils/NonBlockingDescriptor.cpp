//===- NonBlockingDescriptor.cpp - sockets and pipes that never wait ------===//
#include "utils/NonBlockingDescriptor.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::async::helpers {

namespace {

/// The variable or data member a descriptor expression reads (`fd`,
/// `this->fd_`, `fds[1]`), or null.
const ValueDecl *descriptorOf(const Expr &E) {
  const Expr *Inner = E.IgnoreParenImpCasts();
  if (const auto *Element = dyn_cast<ArraySubscriptExpr>(Inner))
    Inner = Element->getBase()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    return dyn_cast<VarDecl>(Ref->getDecl());
  if (const auto *Member = dyn_cast<MemberExpr>(Inner))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

/// The C library function \p Call calls ("socket"), or "".
StringRef cFunctionCalled(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->isExternC() || !Callee->getIdentifier())
    return "";
  return Callee->getName();
}

class FactsCollector : public ConstDynamicRecursiveASTVisitor {
public:
  FactsCollector(const ValueDecl &Descriptor, const ASTContext &Context)
      : Descriptor(Descriptor), Context(Context) {}

  DescriptorFacts Facts;

  bool VisitVarDecl(const VarDecl *Var) override {
    if (Var == &Descriptor && Var->getInit())
      noteCreation(*Var->getInit());
    return true;
  }
  bool VisitBinaryOperator(const BinaryOperator *Op) override {
    if (Op->getOpcode() == BO_Assign &&
        descriptorOf(*Op->getLHS()) == &Descriptor)
      noteCreation(*Op->getRHS());
    return true;
  }
  bool VisitCallExpr(const CallExpr *Call) override {
    StringRef Name = cFunctionCalled(*Call);
    if (Name.empty() || Call->getNumArgs() == 0 ||
        descriptorOf(*Call->getArg(0)) != &Descriptor)
      return true;
    if ((Name == "fcntl" || Name == "pipe2") &&
        anyArgumentAfterFirstMentions(*Call, "O_NONBLOCK"))
      Facts.NonBlocking = true;
    if (Name == "ioctl" && anyArgumentAfterFirstMentions(*Call, "FIONBIO"))
      Facts.NonBlocking = true;
    if (Name == "pipe" || Name == "pipe2")
      Facts.WakeUp = true;
    return true;
  }

private:
  bool anyArgumentAfterFirstMentions(const CallExpr &Call,
                                     StringRef Constant) const {
    for (unsigned I = 1; I < Call.getNumArgs(); ++I)
      if (mentionsConstant(*Call.getArg(I), Constant, Context))
        return true;
    return false;
  }

  /// The descriptor gets the value of \p Source.
  void noteCreation(const Expr &Source) {
    const auto *Call = dyn_cast<CallExpr>(Source.IgnoreParenImpCasts());
    if (!Call)
      return;
    StringRef Name = cFunctionCalled(*Call);
    if (Name == "socket" && Call->getNumArgs() >= 2) {
      Facts.NonBlocking |=
          mentionsConstant(*Call->getArg(1), "SOCK_NONBLOCK", Context);
      Facts.Datagram |=
          mentionsConstant(*Call->getArg(1), "SOCK_DGRAM", Context);
    } else if (Name == "accept4" && Call->getNumArgs() == 4) {
      Facts.NonBlocking |=
          mentionsConstant(*Call->getArg(3), "SOCK_NONBLOCK", Context);
    } else if (Name == "eventfd" && Call->getNumArgs() == 2) {
      Facts.WakeUp = true;
      Facts.NonBlocking |=
          mentionsConstant(*Call->getArg(1), "EFD_NONBLOCK", Context);
    }
  }

  const ValueDecl &Descriptor;
  const ASTContext &Context;
};

class ConstantFinder : public ConstDynamicRecursiveASTVisitor {
public:
  ConstantFinder(StringRef Name, const ASTContext &Context)
      : Name(Name), Context(Context) {}
  bool Found = false;

  bool VisitDeclRefExpr(const DeclRefExpr *Ref) override {
    const IdentifierInfo *Id = Ref->getDecl()->getIdentifier();
    Found |= Id && Id->getName() == Name;
    return !Found;
  }
  bool VisitExpr(const Expr *E) override {
    const SourceManager &SM = Context.getSourceManager();
    // O_NONBLOCK may expand to another macro (__O_NONBLOCK) before a literal.
    for (SourceLocation Loc = E->getBeginLoc(); Loc.isMacroID() && !Found;
         Loc = SM.getImmediateMacroCallerLoc(Loc))
      Found =
          Lexer::getImmediateMacroName(Loc, SM, Context.getLangOpts()) == Name;
    return !Found;
  }

private:
  StringRef Name;
  const ASTContext &Context;
};

} // namespace

bool mentionsConstant(const Expr &E, StringRef Name,
                      const ASTContext &Context) {
  ConstantFinder Finder(Name, Context);
  Finder.TraverseStmt(&E);
  return Finder.Found;
}

DescriptorFacts factsAbout(const Expr &Fd, const Stmt &Body,
                           ASTContext &Context) {
  const ValueDecl *Descriptor = descriptorOf(Fd);
  if (!Descriptor)
    return {};
  FactsCollector Collector(*Descriptor, Context);
  Collector.TraverseStmt(&Body);
  return Collector.Facts;
}

} // namespace clang::tidy::async::helpers

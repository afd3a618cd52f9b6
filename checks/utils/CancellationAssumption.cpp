//===- CancellationAssumption.cpp - conditions read as "it was cancelled" ===//
#include "utils/CancellationAssumption.h"
#include "frameworks/Registry.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::async::helpers {

namespace {

/// The enumerator E names, through make_error_code and conversions.
const EnumConstantDecl *namedCode(const Expr *E) {
  E = E->IgnoreUnlessSpelledInSource();
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() &&
        Callee->getName() == "make_error_code")
      E = Call->getArg(0)->IgnoreUnlessSpelledInSource();
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
}

/// Whether E is an error code or condition (std::, boost::system::), or
/// its value().
bool isErrorCode(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Value = dyn_cast<CXXMemberCallExpr>(E);
      Value && Value->getMethodDecl() &&
      Value->getMethodDecl()->getIdentifier() &&
      Value->getMethodDecl()->getName() == "value")
    E = Value->getImplicitObjectArgument()->IgnoreParenImpCasts();
  const CXXRecordDecl *Class =
      E->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || !Class->getIdentifier())
    return false;
  const std::string Name = Class->getQualifiedNameAsString();
  return Name == "std::error_code" || Name == "std::error_condition" ||
         Name == "boost::system::error_code" ||
         Name == "boost::system::error_condition";
}

} // namespace

bool decomposeBinary(const Expr *E, BinaryOperatorKind &Op, const Expr *&LHS,
                     const Expr *&RHS) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    Op = Binary->getOpcode();
    LHS = Binary->getLHS();
    RHS = Binary->getRHS();
    return true;
  }
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    auto Form = Rewritten->getDecomposedForm();
    Op = Form.Opcode;
    LHS = Form.LHS;
    RHS = Form.RHS;
    return true;
  }
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E);
      Call && Call->isInfixBinaryOp()) {
    Op = BinaryOperator::getOverloadedOpcode(Call->getOperator());
    LHS = Call->getArg(0);
    RHS = Call->getArg(1);
    return true;
  }
  return false;
}

std::optional<bool> valueOfLogical(BinaryOperatorKind Op, std::optional<bool> L,
                                   std::optional<bool> R) {
  const bool Dominant = Op == BO_LOr; // The value that decides alone.
  if (L == Dominant || R == Dominant)
    return Dominant;
  if (L && R)
    return !Dominant;
  return std::nullopt;
}

std::optional<bool> CancellationAssumption::valueOf(const Expr *Cond) const {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    if (std::optional<bool> Operand = valueOf(Not->getSubExpr()))
      return !*Operand;
    return std::nullopt;
  }
  if (pointsToCancellation(Cond))
    return true;
  BinaryOperatorKind Op;
  const Expr *LHS, *RHS;
  if (!decomposeBinary(Cond, Op, LHS, RHS))
    return std::nullopt;
  if (Op == BO_LAnd || Op == BO_LOr)
    return valueOfLogical(Op, valueOf(LHS), valueOf(RHS));
  if (Op != BO_EQ && Op != BO_NE)
    return std::nullopt;
  std::optional<bool> Equal;
  if (testsCodes() && (isCancellationCode(LHS) || isCancellationCode(RHS)))
    Equal = true;
  // An error code compared with any other code: the handler keeps that
  // code only.
  else if (testsCodes() && ((isErrorCode(LHS) && isOtherCode(RHS)) ||
                            (isErrorCode(RHS) && isOtherCode(LHS))))
    Equal = false;
  else if ((pointsToCancellation(LHS) && isNull(RHS)) ||
           (pointsToCancellation(RHS) && isNull(LHS)))
    Equal = false;
  if (!Equal)
    return std::nullopt;
  return Op == BO_EQ ? *Equal : !*Equal;
}

bool CancellationAssumption::isCancellationCode(const Expr *E) const {
  if (isErrnoMacro(E, "ECANCELED"))
    return true;
  const EnumConstantDecl *Code = namedCode(E);
  return Code && llvm::is_contained(Codes, Code->getQualifiedNameAsString());
}

const EnumConstantDecl *CancellationAssumption::firstCode(const Expr *E) const {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E);
      Ref && isCancellationCode(Ref))
    return cast<EnumConstantDecl>(Ref->getDecl());
  for (const Stmt *Child : E->children())
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      if (const EnumConstantDecl *Code = firstCode(ChildExpr))
        return Code;
  return nullptr;
}

bool CancellationAssumption::isErrnoMacro(const Expr *E, StringRef Name) const {
  const auto *Literal = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
  const SourceLocation Loc =
      Literal ? Literal->getBeginLoc() : SourceLocation();
  if (!Loc.isMacroID())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  const SourceLocation Spelled = SM.getImmediateMacroCallerLoc(Loc);
  return Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts()) == Name ||
         (Spelled.isMacroID() &&
          Lexer::getImmediateMacroName(Spelled, SM, Ctx.getLangOpts()) == Name);
}

bool CancellationAssumption::isOtherCode(const Expr *E) const {
  if (isCancellationCode(E))
    return false;
  const auto *Literal = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
  return namedCode(E) || (Literal && Literal->getBeginLoc().isMacroID());
}

bool CancellationAssumption::isNull(const Expr *E) const {
  return E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                  Expr::NPC_ValueDependentIsNotNull);
}

bool CancellationAssumption::pointsToCancellation(const Expr *E) const {
  if (!C || !ExceptionVar)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Local = dyn_cast<VarDecl>(Ref->getDecl());
        Local && Local->hasLocalStorage() && Local->getInit())
      E = Local->getInit()->IgnoreParenImpCasts();
  const auto *Cast = dyn_cast<CXXDynamicCastExpr>(E);
  if (!Cast)
    return false;
  const auto *AddressOf =
      dyn_cast<UnaryOperator>(Cast->getSubExpr()->IgnoreParenImpCasts());
  if (!AddressOf || AddressOf->getOpcode() != UO_AddrOf)
    return false;
  const auto *Object =
      dyn_cast<DeclRefExpr>(AddressOf->getSubExpr()->IgnoreParenImpCasts());
  const CXXRecordDecl *Target =
      Cast->getTypeAsWritten()->getPointeeCXXRecordDecl();
  return Object && Object->getDecl() == ExceptionVar && Target &&
         (Target->getCanonicalDecl() == C->Type->getCanonicalDecl() ||
          C->Type->isDerivedFrom(Target));
}

std::vector<std::string> frameworkCancellationCodes() {
  std::vector<std::string> Codes;
  for (const frameworks::Cancellation &C : frameworks::collect(
           frameworks::all(), &frameworks::Framework::Cancellations))
    if (!C.ErrorCode.empty()) {
      Codes.push_back(frameworks::spelled(C.ErrorCode).str());
      for (StringRef Equivalent : C.EquivalentCodes)
        Codes.push_back(frameworks::spelled(Equivalent).str());
    }
  return Codes;
}

} // namespace clang::tidy::async::helpers

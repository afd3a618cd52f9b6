//===- ExceptionKeepers.cpp - what keeps or throws the handled exception --===//
#include "utils/ExceptionKeepers.h"
#include "frameworks/Registry.h"
#include "utils/SuspensionPoints.h"
#include "utils/TemplateOf.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::helpers {

namespace {

/// The name a catalogue or option entry gives D: qualified, and for a
/// member of a class template specialisation, that of the template's member.
std::string listedName(const NamedDecl &D) {
  if (const auto *Function = dyn_cast<FunctionDecl>(&D))
    if (const FunctionDecl *Pattern =
            Function->getTemplateInstantiationPattern())
      return Pattern->getQualifiedNameAsString();
  if (const auto *Class = dyn_cast<CXXRecordDecl>(&D))
    if (const CXXRecordDecl *Pattern = Class->getTemplateInstantiationPattern())
      return Pattern->getQualifiedNameAsString();
  return D.getQualifiedNameAsString();
}

} // namespace

bool keepsException(const Stmt &S, ArrayRef<std::string> Keepers) {
  const NamedDecl *Keeper = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    Keeper = Construct->getConstructor()->getParent();
  else if (const auto *Call = dyn_cast<CallExpr>(&S))
    Keeper = Call->getDirectCallee();
  return Keeper && llvm::is_contained(Keepers, listedName(*Keeper));
}

bool mayThrowIntoBody(const Expr &Point) {
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&Point)) {
    auto IsNothrowCall = [](const Expr *E) {
      const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreImplicit()) : nullptr;
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      const auto *Proto =
          Callee ? Callee->getType()->getAs<FunctionProtoType>() : nullptr;
      return Proto && Proto->isNothrow();
    };
    if (IsNothrowCall(Suspend->getReadyExpr()) &&
        IsNothrowCall(Suspend->getSuspendExpr()) &&
        IsNothrowCall(Suspend->getResumeExpr()))
      return false;
  }
  const Expr *Awaited = awaitedOperand(&Point);
  if (!Awaited)
    return true;
  auto IsListedType = [](QualType Type,
                         ArrayRef<StringRef> frameworks::Framework::*List) {
    const NamedDecl *Class = namedClass(Type);
    if (!Class)
      return false;
    const std::string Name = Class->getQualifiedNameAsString();
    return llvm::any_of(frameworks::all(), [&](const frameworks::Framework *F) {
      return llvm::any_of(F->*List, [&](StringRef Listed) {
        return frameworks::spelled(Listed) == Name;
      });
    });
  };
  Awaited = Awaited->IgnoreImplicit();
  if (IsListedType(Awaited->getType(),
                   &frameworks::Framework::NonThrowingAwaitables))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(Awaited))
    for (const Expr *Arg : Call->arguments())
      if (IsListedType(Arg->getType(),
                       &frameworks::Framework::ErrorAsValueTokens))
        return false;
  return true;
}

} // namespace clang::tidy::async::helpers

//===- CaughtCancellation.cpp - which handlers catch a cancellation -------===//
#include "utils/CaughtCancellation.h"
#include "frameworks/Registry.h"
#include "utils/QualifiedLookup.h"
#include "utils/SuspensionPoints.h"
#include "utils/TemplateOf.h"

#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SetVector.h"

namespace clang::tidy::async::helpers {

namespace {

/// How cancellation reaches code of the framework whose namespace declares
/// Type, with that framework.
std::pair<const frameworks::Cancellation *, const frameworks::Framework *>
cancellationOf(QualType Type) {
  const NamedDecl *Class = namedClass(Type);
  if (!Class)
    return {};
  const std::string Name = Class->getQualifiedNameAsString();
  // Nothing is ever thrown into a synchronous generator at a co_yield.
  for (const frameworks::Framework *F : frameworks::all())
    if (llvm::any_of(F->Generators, [&](StringRef Generator) {
          return frameworks::spelled(Generator) == Name;
        }))
      return {};
  for (const frameworks::Framework *F : frameworks::all())
    for (const frameworks::Cancellation &C : F->Cancellations)
      if (StringRef(Name).starts_with(frameworks::spelled(C.Namespace)))
        return {&C, F};
  return {};
}

} // namespace

const frameworks::Framework *cancelledFrameworkOf(QualType Type) {
  return cancellationOf(Type).second;
}

std::vector<Cancellation>
cancellationsFor(ArrayRef<const Expr *> SuspensionPoints,
                 const FunctionDecl &Coroutine,
                 ArrayRef<std::string> ExtraTypes, const ASTContext &Ctx) {
  using Entry = std::pair<const frameworks::Cancellation *,
                          const frameworks::Framework *>;
  llvm::SetVector<Entry> Used;
  for (const Expr *Point : SuspensionPoints)
    if (const Expr *Awaited = awaitedOperand(Point))
      if (Entry E = cancellationOf(Awaited->getType()); E.first)
        Used.insert(E);
  if (Entry E = cancellationOf(Coroutine.getReturnType()); E.first)
    Used.insert(E);

  std::vector<Cancellation> Result;
  auto Add = [&](StringRef Spelling, StringRef Code,
                 const frameworks::Framework *F, StringRef Namespace) {
    const CXXRecordDecl *Type = findRecordDefinition(Ctx, Spelling);
    if (Type && llvm::none_of(Result, [&](const Cancellation &C) {
          return C.Type == Type;
        }))
      Result.push_back({Type, Spelling, Code, F, Namespace});
  };
  for (const auto &[C, F] : Used)
    Add(frameworks::spelled(C->Exception), frameworks::spelled(C->ErrorCode), F,
        C->Namespace);
  for (const std::string &Extra : ExtraTypes)
    Add(Extra, "", nullptr, "");
  return Result;
}

CatchKind howHandlerCatches(const CXXCatchStmt &Handler,
                            const CXXRecordDecl &Type) {
  QualType Caught = Handler.getCaughtType();
  if (Caught.isNull())
    return CatchKind::All;
  Caught = Caught.getNonReferenceType();
  if (Caught->isDependentType())
    return CatchKind::None;
  const CXXRecordDecl *Class = Caught->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return CatchKind::None;
  if (Class->getCanonicalDecl() == Type.getCanonicalDecl())
    return CatchKind::Exact;
  return Type.isDerivedFrom(Class) ? CatchKind::Base : CatchKind::None;
}

llvm::SmallVector<HandlerCatch, 4>
firstCatches(const CXXTryStmt &Try, ArrayRef<Cancellation> Cancellations) {
  llvm::SmallVector<HandlerCatch, 4> Catches;
  llvm::SmallVector<bool, 4> Taken(Cancellations.size(), false);
  for (unsigned H = 0; H < Try.getNumHandlers(); ++H) {
    const CXXCatchStmt *Handler = Try.getHandler(H);
    for (size_t I = 0; I < Cancellations.size(); ++I) {
      if (Taken[I])
        continue;
      const CatchKind Kind =
          howHandlerCatches(*Handler, *Cancellations[I].Type);
      if (Kind == CatchKind::None)
        continue;
      Taken[I] = true;
      Catches.push_back({Handler, I, Kind});
    }
  }
  return Catches;
}

bool isStdFunction(const FunctionDecl *Function, StringRef Name) {
  if (!Function || !Function->isInStdNamespace())
    return false;
  const IdentifierInfo *Ident = Function->getIdentifier();
  return Ident && Ident->getName() == Name;
}

} // namespace clang::tidy::async::helpers

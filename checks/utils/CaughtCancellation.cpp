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

std::vector<StringRef> catalogueCancellationTypes() {
  std::vector<StringRef> Types;
  for (const frameworks::Cancellation &C : frameworks::collect(
           frameworks::all(), &frameworks::Framework::Cancellations))
    if (C.ErrorCode.empty() && !llvm::is_contained(Types, C.Exception))
      Types.push_back(C.Exception);
  return Types;
}

std::vector<StringRef> catalogueCancellationCodes() {
  std::vector<StringRef> Codes;
  auto Add = [&](StringRef Code) {
    if (!llvm::is_contained(Codes, Code))
      Codes.push_back(Code);
  };
  for (const frameworks::Cancellation &C : frameworks::collect(
           frameworks::all(), &frameworks::Framework::Cancellations))
    if (!C.ErrorCode.empty()) {
      Add(C.ErrorCode);
      llvm::for_each(C.EquivalentCodes, Add);
    }
  return Codes;
}

namespace {

/// The cancellations of the frameworks the try block awaits and the
/// coroutine belongs to that Keeps accepts, then the UserTypes.
std::vector<Cancellation> collectCancellations(
    ArrayRef<const Expr *> SuspensionPoints, const FunctionDecl &Coroutine,
    llvm::function_ref<bool(const frameworks::Cancellation &)> Keeps,
    ArrayRef<StringRef> UserTypes, const ASTContext &Ctx) {
  using Entry = std::pair<const frameworks::Cancellation *,
                          const frameworks::Framework *>;
  llvm::SetVector<Entry> Used;
  auto Use = [&](QualType Type) {
    if (Entry E = cancellationOf(Type); E.first && Keeps(*E.first))
      Used.insert(E);
  };
  for (const Expr *Point : SuspensionPoints)
    if (const Expr *Awaited = awaitedOperand(Point))
      Use(Awaited->getType());
  Use(Coroutine.getReturnType());

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
  for (StringRef User : UserTypes)
    Add(User, "", nullptr, "");
  return Result;
}

} // namespace

std::vector<Cancellation>
cancellationsFor(ArrayRef<const Expr *> SuspensionPoints,
                 const FunctionDecl &Coroutine, const ASTContext &Ctx) {
  return collectCancellations(
      SuspensionPoints, Coroutine,
      [](const frameworks::Cancellation &) { return true; }, {}, Ctx);
}

std::vector<Cancellation>
cancellationsFor(ArrayRef<const Expr *> SuspensionPoints,
                 const FunctionDecl &Coroutine, const CatalogueList &Types,
                 const CatalogueList &Codes, const ASTContext &Ctx) {
  // An exception type means "cancelled" by itself; a generic error by its
  // code.
  auto Keeps = [&](const frameworks::Cancellation &C) {
    return C.ErrorCode.empty() ? Types.keeps(C.Exception)
                               : Codes.keeps(C.ErrorCode);
  };
  return collectCancellations(SuspensionPoints, Coroutine, Keeps,
                              Types.userNames(), Ctx);
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

//===- QualifiedLookup.cpp - find a class by its fully qualified name -----===//
#include "utils/QualifiedLookup.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::helpers {

const CXXRecordDecl *findRecordDefinition(const ASTContext &Ctx,
                                          llvm::StringRef QualifiedName) {
  QualifiedName.consume_front("::");
  const DeclContext *Scope = Ctx.getTranslationUnitDecl();
  const CXXRecordDecl *Found = nullptr;
  while (Scope && !QualifiedName.empty()) {
    auto [Name, Rest] = QualifiedName.split("::");
    QualifiedName = Rest;
    auto Ident = Ctx.Idents.find(Name);
    if (Ident == Ctx.Idents.end())
      return nullptr; // Never spelled in this translation unit.
    const DeclContext *Next = nullptr;
    Found = nullptr;
    for (const NamedDecl *D : Scope->lookup(Ident->getValue())) {
      D = D->getUnderlyingDecl(); // Through using-declarations.
      if (const auto *Namespace = dyn_cast<NamespaceDecl>(D))
        Next = Namespace;
      else if (const auto *Alias = dyn_cast<TypedefNameDecl>(D))
        Found = Alias->getUnderlyingType()->getAsCXXRecordDecl();
      else
        Found = dyn_cast<CXXRecordDecl>(D);
      if (Found)
        Next = Found = Found->getDefinition();
      if (Next)
        break;
    }
    Scope = Next;
  }
  return QualifiedName.empty() ? Found : nullptr;
}

bool isDeclaredBefore(llvm::StringRef QualifiedName, SourceLocation Loc,
                      const ASTContext &Ctx) {
  const DeclContext *Scope = Ctx.getTranslationUnitDecl();
  const NamedDecl *Found = nullptr;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::");
  for (llvm::StringRef Part : Parts) {
    auto Ident = Ctx.Idents.find(Part);
    if (!Scope || Ident == Ctx.Idents.end())
      return false;
    DeclContextLookupResult Result = Scope->lookup(Ident->getValue());
    if (Result.empty())
      return false;
    Found = Result.front();
    Scope = dyn_cast<DeclContext>(Found);
  }
  return Found && Ctx.getSourceManager().isBeforeInTranslationUnit(
                      Found->getLocation(), Loc);
}

} // namespace clang::tidy::async::helpers

//===- QualifiedLookup.h - find a class by its fully qualified name -------===//
//
// Checks that know a type only by name (an option value, a framework's
// exception type) need its declaration to ask about bases. Looking it up
// from the translation unit works wherever the type was declared, including
// headers a clangd preamble keeps out of the matchers' traversal.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_QUALIFIEDLOOKUP_H
#define CORIO_CHECKS_UTILS_QUALIFIEDLOOKUP_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async::helpers {

/// The definition of the class named QualifiedName ("ns::Class", an optional
/// leading "::"; namespaces, classes, typedefs and using-declarations along
/// the way are followed), or null if the translation unit defines none.
inline const CXXRecordDecl *
findRecordDefinition(const ASTContext &Ctx, llvm::StringRef QualifiedName) {
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

/// Whether QualifiedName ("corio::sleep_for") is declared before Loc, so a
/// fix-it that uses it needs no new #include.
inline bool isDeclaredBefore(llvm::StringRef QualifiedName, SourceLocation Loc,
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

#endif // CORIO_CHECKS_UTILS_QUALIFIEDLOOKUP_H

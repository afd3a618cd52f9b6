//===- DisplayName.cpp - the name a diagnostic shows for a declaration ----===//
#include "utils/DisplayName.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::async::helpers {

std::string displayName(const NamedDecl &D) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&D))
    return displayName(*Spec->getSpecializedTemplate());
  if (const auto *Spec =
          dyn_cast<ClassTemplateSpecializationDecl>(D.getDeclContext()))
    return displayName(*Spec) + "::" + D.getNameAsString();
  PrintingPolicy Policy(D.getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D.printQualifiedName(OS, Policy);
  return Name;
}

} // namespace clang::tidy::async::helpers

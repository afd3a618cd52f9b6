//===- TemplateOf.cpp - the template a type is a specialisation of --------===//
#include "utils/TemplateOf.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

namespace clang::tidy::async::helpers {

const TemplateDecl *templateOf(QualType Type) {
  if (Type.isNull())
    return nullptr;
  Type = Type.getNonReferenceType();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Type->getAsCXXRecordDecl()))
    return Spec->getSpecializedTemplate();
  if (const auto *Written = Type->getAs<TemplateSpecializationType>())
    return Written->getTemplateName().getAsTemplateDecl();
  return nullptr;
}

const NamedDecl &classOrTemplate(const CXXRecordDecl &Class) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Class))
    return *Spec->getSpecializedTemplate();
  return Class;
}

const NamedDecl *namedClass(QualType Type) {
  if (Type.isNull())
    return nullptr;
  if (const CXXRecordDecl *Class =
          Type.getNonReferenceType()->getAsCXXRecordDecl())
    return &classOrTemplate(*Class);
  return templateOf(Type);
}

} // namespace clang::tidy::async::helpers

//===- TemplateOf.h - the template a type is a specialisation of ----------===//
#ifndef CORIO_CHECKS_UTILS_TEMPLATEOF_H
#define CORIO_CHECKS_UTILS_TEMPLATEOF_H

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

namespace clang::tidy::async::helpers {

/// The template Type (through references) is a specialisation of:
/// cppcoro::task for cppcoro::task<int>, also when the type is still
/// dependent (a coroutine template's own return type); null for other types.
inline const TemplateDecl *templateOf(QualType Type) {
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

/// The class template Class is a specialisation of, or Class itself: what
/// a list of class names ("std::vector") calls it.
inline const NamedDecl &classOrTemplate(const CXXRecordDecl &Class) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Class))
    return *Spec->getSpecializedTemplate();
  return Class;
}

/// The class or class template a (possibly dependent) type names, as
/// classOrTemplate() does; null for other types.
inline const NamedDecl *namedClass(QualType Type) {
  if (Type.isNull())
    return nullptr;
  if (const CXXRecordDecl *Class =
          Type.getNonReferenceType()->getAsCXXRecordDecl())
    return &classOrTemplate(*Class);
  return templateOf(Type);
}

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_TEMPLATEOF_H

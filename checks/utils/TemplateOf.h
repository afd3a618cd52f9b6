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
  if (const auto *Spec =
          dyn_cast_or_null<ClassTemplateSpecializationDecl>(Type->getAsCXXRecordDecl()))
    return Spec->getSpecializedTemplate();
  if (const auto *Written = Type->getAs<TemplateSpecializationType>())
    return Written->getTemplateName().getAsTemplateDecl();
  return nullptr;
}

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_TEMPLATEOF_H

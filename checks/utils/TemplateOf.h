//===- TemplateOf.h - the template a type is a specialisation of ----------===//
#ifndef CORIO_CHECKS_UTILS_TEMPLATEOF_H
#define CORIO_CHECKS_UTILS_TEMPLATEOF_H

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

namespace clang::tidy::async::helpers {

/// The template Type (through references) is a specialisation of:
/// cppcoro::task for cppcoro::task<int>, also when the type is still
/// dependent (a coroutine template's own return type); null for other types.
const TemplateDecl *templateOf(QualType Type);

/// The class template Class is a specialisation of, or Class itself: what
/// a list of class names ("std::vector") calls it.
const NamedDecl &classOrTemplate(const CXXRecordDecl &Class);

/// The class or class template a (possibly dependent) type names, as
/// classOrTemplate() does; null for other types.
const NamedDecl *namedClass(QualType Type);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_TEMPLATEOF_H

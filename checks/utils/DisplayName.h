//===- DisplayName.h - the name a diagnostic shows for a declaration ------===//
//
// Diagnostics name functions the way users write them: "std::future::get",
// not "std::future<int>::get"; "helper", not "(anonymous namespace)::helper".
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_DISPLAYNAME_H
#define CORIO_CHECKS_UTILS_DISPLAYNAME_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace clang::tidy::async::helpers {

/// The qualified name of \p D without the arguments of class templates and
/// without scopes the user never writes (anonymous and inline namespaces).
std::string displayName(const NamedDecl &D);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_DISPLAYNAME_H

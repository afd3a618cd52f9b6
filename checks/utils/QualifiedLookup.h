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
const CXXRecordDecl *findRecordDefinition(const ASTContext &Ctx,
                                          llvm::StringRef QualifiedName);

/// Whether QualifiedName ("corio::sleep_for") is declared before Loc, so a
/// fix-it that uses it needs no new #include.
bool isDeclaredBefore(llvm::StringRef QualifiedName, SourceLocation Loc,
                      const ASTContext &Ctx);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_QUALIFIEDLOOKUP_H

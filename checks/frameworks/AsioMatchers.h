//===- AsioMatchers.h - matching a name in both Asio namespaces -----------===//
#ifndef CORIO_CHECKS_FRAMEWORKS_ASIOMATCHERS_H
#define CORIO_CHECKS_FRAMEWORKS_ASIOMATCHERS_H

#include "frameworks/Asio.h"

#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::async::frameworks {

/// Matches a declaration named Member in either Asio namespace.
inline ast_matchers::internal::Matcher<NamedDecl>
asioNamed(llvm::StringRef Member) {
  const std::vector<std::string> Names = inEachAsioNamespace(Member);
  return ast_matchers::hasAnyName(
      std::vector<llvm::StringRef>(Names.begin(), Names.end()));
}

} // namespace clang::tidy::async::frameworks

#endif // CORIO_CHECKS_FRAMEWORKS_ASIOMATCHERS_H

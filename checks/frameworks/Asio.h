//===- Asio.h - typed helpers for Asio's two namespaces -------------------===//
#ifndef CORIO_CHECKS_FRAMEWORKS_ASIO_H
#define CORIO_CHECKS_FRAMEWORKS_ASIO_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang::tidy::async::frameworks {

/// Member ("experimental::parallel_group") of both Asio namespaces:
/// "::boost::asio::experimental::parallel_group", "::asio::...".
std::vector<std::string> inEachAsioNamespace(llvm::StringRef Member);

} // namespace clang::tidy::async::frameworks

#endif // CORIO_CHECKS_FRAMEWORKS_ASIO_H

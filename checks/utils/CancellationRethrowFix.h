//===- CancellationRethrowFix.h - the fix-it that rethrows a cancellation -===//
#ifndef CORIO_CHECKS_UTILS_CANCELLATIONRETHROWFIX_H
#define CORIO_CHECKS_UTILS_CANCELLATIONRETHROWFIX_H

#include "utils/HandlerPaths.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"

#include <vector>

namespace clang::tidy::async::helpers {

/// The edits that make Handler rethrow each of the cancellations it loses
/// (Lost) and still do what it does for other errors: a preceding handler
/// of the cancellation alone, a test of the caught code first thing, or a
/// `throw;` at its end. None when no edit is sure to keep that (the rules
/// are in docs/checks/async-swallowed-cancellation.md).
std::vector<FixItHint>
cancellationRethrowFix(const CXXCatchStmt &Handler,
                       ArrayRef<SwallowedCancellation> Lost,
                       const SourceManager &SM, const LangOptions &LangOpts);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_CANCELLATIONRETHROWFIX_H

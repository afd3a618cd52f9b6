//===- AfterCaughtCancellation.h - what runs after a handler caught it ----===//
//
// C++ forbids co_await in a handler, so a coroutine that caught a
// cancellation awaits its cleanup after the try statement, often behind a
// flag or an exception_ptr the handler set:
//
//   catch (const cancelled &) { stop = true; }
//   co_await cleanup();
//   if (stop) throw cancelled();
//
// The coroutine is still cancelled there. This follows the CFG from the
// handler to the suspension points such code reaches.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_AFTERCAUGHTCANCELLATION_H
#define CORIO_CHECKS_UTILS_AFTERCAUGHTCANCELLATION_H

#include "utils/CancellationAssumption.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::helpers {

/// What a suspension point reached after a caught cancellation does with it.
enum class SuspensionVerdict {
  Unprotected, ///< the cancellation strikes here; the path ends
  Protected,   ///< it runs despite the cancellation; the path goes on
  Clears,      ///< it clears the cancellation; nothing after it is at risk
};

/// Follows every path from Handler (of Try), assuming it caught the
/// cancellation Assumption describes, until the cancellation is propagated
/// (a throw, a [[noreturn]] call such as std::rethrow_exception), the
/// coroutine ends (co_return, the end of the body) or the path reaches the
/// try block again (a retry: async-swallowed-cancellation's case). Branches
/// on the caught exception, on a bool or std::exception_ptr the handler
/// set, and on a default-constructed std::exception_ptr of Body (the
/// coroutine's) that nothing set before the handler (null), take the edge
/// the cancellation takes.
///
/// Returns, in source order, the first suspension point that Judge calls
/// Unprotected on each path that goes on to propagate the cancellation (a
/// path that never does swallows it, which async-swallowed-cancellation
/// reports).
llvm::SmallVector<const Expr *, 2> unprotectedSuspensionsAfter(
    const CFG &Cfg, const Stmt &Body, const CXXTryStmt &Try,
    const CXXCatchStmt &Handler, const CancellationAssumption &Assumption,
    llvm::function_ref<SuspensionVerdict(const Expr &)> Judge,
    const ASTContext &Ctx);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_AFTERCAUGHTCANCELLATION_H

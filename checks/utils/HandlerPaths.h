//===- HandlerPaths.h - where a caught cancellation leaves its handler ----===//
//
// async-swallowed-cancellation follows the paths from a handler that caught
// a cancellation through the coroutine body's CFG and records each way one
// of them ends without propagating it: falling off the handler's end, a
// co_return, a jump, another exception thrown in its place.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_HANDLERPATHS_H
#define CORIO_CHECKS_UTILS_HANDLERPATHS_H

#include "utils/CancellationAssumption.h"
#include "utils/CaughtCancellation.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace clang::tidy::async::helpers {

/// How a path through a handler leaves it with the cancellation lost.
enum class EscapeKind {
  FallOff,
  CoReturn,
  Continue,
  Break,
  Goto,
  Translation,
  SlicedCopy
};

struct Escape {
  EscapeKind Kind;
  /// The statement that leaves the handler; null for FallOff.
  const Stmt *Where;
  bool operator==(const Escape &Other) const {
    return Kind == Other.Kind && Where == Other.Where;
  }
};

struct HandlerPaths {
  llvm::SmallVector<Escape, 2> Escapes;
  /// The handler branches, so an escape is worth pointing at.
  bool Branches = false;
  /// Some path propagates the cancellation after leaving the handler: throws
  /// it again after an asynchronous cleanup, or never returns.
  bool PropagatedLater = false;
};

/// Follows every path from Handler's entry through Cfg, the CFG of the
/// coroutine body, assuming the caught exception is the cancellation C
/// (caught as Kind, its tests read by Assumption), and records where a path
/// leaves the handler without propagating it. AllowTranslation counts any
/// exception thrown in its place as propagating it; Keepers (qualified
/// names) are what keeps the handled exception for later.
///
/// A handler cannot co_await, so asynchronous cleanup happens after it:
/// `catch (cancelled&) {} co_await cleanup(); throw cancelled();`. A path
/// that leaves the handler normally is therefore followed on: it is lost
/// only if it reaches the end of the coroutine, a co_return, or the try
/// block again (a loop that retries) before throwing a cancellation.
HandlerPaths walkHandlerPaths(const CFG &Cfg, const CXXTryStmt &Try,
                              const CXXCatchStmt &Handler,
                              const Cancellation &C, CatchKind Kind,
                              const CancellationAssumption &Assumption,
                              bool AllowTranslation,
                              ArrayRef<std::string> Keepers);

/// A cancellation a handler is the first to catch, and how it loses it.
struct SwallowedCancellation {
  const Cancellation *C;
  CatchKind Kind;
  HandlerPaths Paths;
};

/// Whether a handler that catches more than the cancellation (a base, or a
/// generic system_error) turns it, with every other error, into a result:
/// each path that loses it ends in a `co_return` with a value (an error
/// reply at a request boundary).
bool returnsErrors(const SwallowedCancellation &S);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_HANDLERPATHS_H

//===- CaughtCancellation.h - which handlers catch a cancellation ---------===//
//
// A try block whose suspension points await a framework's code can receive
// that framework's cancellation exception (frameworks/Framework.h,
// Cancellations). These helpers say which exceptions can arrive and which
// handler of the try statement is the first to catch each of them.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_CAUGHTCANCELLATION_H
#define CORIO_CHECKS_UTILS_CAUGHTCANCELLATION_H

#include "frameworks/Framework.h"
#include "utils/CatalogueList.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

namespace clang::tidy::async::helpers {

/// One way cancellation reaches a handler.
struct Cancellation {
  const CXXRecordDecl *Type;
  /// How messages and fix-its name the type.
  StringRef Spelling;
  /// Set when the type is a generic error (system_error) that only this
  /// error code makes a cancellation; fix-its compare against it.
  StringRef AbortedCode;
  /// The framework whose cancellation it is and the namespace whose code it
  /// reaches; null and empty for a user's own type.
  const frameworks::Framework *Framework;
  StringRef Namespace;
};

/// The framework whose namespace declares the class Type names (what a
/// coroutine awaits or returns), if its code is cancelled at all; null for
/// other types and for synchronous generators, into which nothing is thrown.
const frameworks::Framework *cancelledFrameworkOf(QualType Type);

/// The catalogue's exception types that mean "cancelled" by themselves
/// (no error code), each once: CancellationTypes' default.
std::vector<StringRef> catalogueCancellationTypes();
/// The catalogue's cancellation error codes with the portable codes they
/// equal, each once: CancellationErrorCodes' default.
std::vector<StringRef> catalogueCancellationCodes();

/// The cancellations that can arrive at the suspension points of a try
/// block: those of the frameworks it awaits and the coroutine belongs to. A
/// framework whose exception type the translation unit does not define
/// cannot cancel anything here.
std::vector<Cancellation>
cancellationsFor(ArrayRef<const Expr *> SuspensionPoints,
                 const FunctionDecl &Coroutine, const ASTContext &Ctx);

/// As above, with the check's effective lists: the catalogue cancellations
/// they keep (an exception type in Types, a generic error's code in Codes),
/// plus Types' user types (in every coroutine), in that order.
std::vector<Cancellation>
cancellationsFor(ArrayRef<const Expr *> SuspensionPoints,
                 const FunctionDecl &Coroutine, const CatalogueList &Types,
                 const CatalogueList &Codes, const ASTContext &Ctx);

enum class CatchKind { None, Exact, Base, All };

/// How a handler catches an exception of class Type.
CatchKind howHandlerCatches(const CXXCatchStmt &Handler,
                            const CXXRecordDecl &Type);

/// A handler that is the first of its try statement to catch a cancellation.
struct HandlerCatch {
  const CXXCatchStmt *Handler;
  /// Index into the cancellations given to firstCatches.
  size_t Cancellation;
  CatchKind Kind;
};

/// Each cancellation goes to the first handler that can catch it; the
/// handlers after it never see it. In handler order, then cancellation order.
llvm::SmallVector<HandlerCatch, 4>
firstCatches(const CXXTryStmt &Try, ArrayRef<Cancellation> Cancellations);

/// Whether Function is std::<Name>.
bool isStdFunction(const FunctionDecl *Function, StringRef Name);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_CAUGHTCANCELLATION_H

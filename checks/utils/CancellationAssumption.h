//===- CancellationAssumption.h - conditions read as "it was cancelled" ---===//
//
// On a path from a handler that caught a cancellation, a test of the caught
// exception or of an error code is often decided: the handler rethrows
// `if (e.code() == operation_aborted)`. Following only the edge the test
// takes keeps the cancellation checks off paths a cancellation never runs.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_CANCELLATIONASSUMPTION_H
#define CORIO_CHECKS_UTILS_CANCELLATIONASSUMPTION_H

#include "utils/CaughtCancellation.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async::helpers {

/// Splits `a == b`, `a && b`, ... whether built in, overloaded or a C++20
/// rewritten comparison.
bool decomposeBinary(const Expr *E, BinaryOperatorKind &Op, const Expr *&LHS,
                     const Expr *&RHS);

/// The value of `L && R` or `L || R` (Op) from what is known of each side.
std::optional<bool> valueOfLogical(BinaryOperatorKind Op, std::optional<bool> L,
                                   std::optional<bool> R);

/// Reads a branch condition assuming the exception (or error code) at hand
/// is a cancellation: `ec == operation_aborted` is then true, a
/// dynamic_cast of the caught object to the cancellation type is non-null.
class CancellationAssumption {
public:
  /// Error-code tests only; for the error-code style without exceptions.
  CancellationAssumption(ArrayRef<std::string> Codes, const ASTContext &Ctx)
      : Codes(Codes), Ctx(Ctx) {}
  /// Tests of the exception ExceptionVar (may be null) that a handler
  /// caught, assumed to be the cancellation C.
  CancellationAssumption(ArrayRef<std::string> Codes, const ASTContext &Ctx,
                         const Cancellation &C, const VarDecl *ExceptionVar)
      : Codes(Codes), Ctx(Ctx), C(&C), ExceptionVar(ExceptionVar) {}

  /// The value of Cond under the assumption, if the assumption decides it.
  std::optional<bool> valueOf(const Expr *Cond) const;

  /// Whether E names one of the cancellation error codes (or their
  /// portable equivalents, or ECANCELED), possibly converted to an
  /// error_code.
  bool isCancellationCode(const Expr *E) const;

  /// The first cancellation code E mentions, if any.
  const EnumConstantDecl *firstCode(const Expr *E) const;

private:
  /// Whether E is an integer spelled as the errno macro Name (ECANCELED).
  bool isErrnoMacro(const Expr *E, StringRef Name) const;

  /// Whether E is a code other than a cancellation one: another enumerator,
  /// or another errno value.
  bool isOtherCode(const Expr *E) const;

  /// Error codes tell a cancellation apart only for error-code style and
  /// for exceptions that carry a code.
  bool testsCodes() const { return !C || !C->AbortedCode.empty(); }

  bool isNull(const Expr *E) const;

  /// Whether E is `dynamic_cast<T *>(&caught)`, or a local initialised with
  /// one, for a T the cancellation type is: non-null exactly when the caught
  /// object is a T.
  bool pointsToCancellation(const Expr *E) const;

  ArrayRef<std::string> Codes;
  const ASTContext &Ctx;
  const Cancellation *C = nullptr;
  const VarDecl *ExceptionVar = nullptr;
};

/// Every error-code enumerator the catalogue says means "cancelled" (with
/// its portable equivalents), fully qualified without the leading "::".
std::vector<std::string> frameworkCancellationCodes();

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_CANCELLATIONASSUMPTION_H

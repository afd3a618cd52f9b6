//===- SwallowedCancellationPromiseRule.cpp - unhandled_exception() rule --===//
//
// async-swallowed-cancellation's rule for promise types, apart from its
// analysis of coroutine bodies: an unhandled_exception() that drops the
// exception loses every cancellation of the coroutines it runs.
//
//===----------------------------------------------------------------------===//
#include "SwallowedCancellationCheck.h"
#include "utils/CaughtCancellation.h"
#include "utils/ExceptionKeepers.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

namespace {

/// Whether Body certainly neither rethrows, stores nor hands on the current
/// exception: it throws nothing and calls nothing but non-[[noreturn]]
/// library functions other than std::current_exception and
/// std::rethrow_exception. A call into the project's own code might do
/// either, so it counts as handling.
bool dropsException(const Stmt *S, const SourceManager &SM,
                    ArrayRef<std::string> Keepers) {
  if (isa<CXXThrowExpr, CXXUnresolvedConstructExpr>(S) ||
      helpers::keepsException(*S, Keepers))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee->isNoReturn() ||
        !SM.isInSystemHeader(Callee->getLocation()) ||
        helpers::isStdFunction(Callee, "rethrow_exception"))
      return false;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor->isTrivial() && !SM.isInSystemHeader(Ctor->getLocation()))
      return false;
  }
  return llvm::all_of(S->children(), [&](const Stmt *Child) {
    return !Child || dropsException(Child, SM, Keepers);
  });
}

} // namespace

void SwallowedCancellationCheck::checkUnhandledException(
    const CXXMethodDecl &Method, const SourceManager &SM) {
  const Stmt *Body = Method.getBody();
  if (!Body || !dropsException(Body, SM, ExceptionKeepers))
    return;
  diag(Method.getLocation(),
       "'unhandled_exception' drops the exception, so the awaiting code sees a "
       "normal completion, even of a cancelled coroutine");
  diag(Method.getLocation(),
       "store 'std::current_exception()' and rethrow it on resumption, or "
       "rethrow "
       "it here",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

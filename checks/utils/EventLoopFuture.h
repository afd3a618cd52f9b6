//===- EventLoopFuture.h - futures whose value the event loop produces ----===//
//
// `.get()` on a std::future returned by co_spawn or an Asio initiating
// function with the use_future token waits for the event loop itself. That is
// async-nested-event-loop's finding; async-blocking-call stays silent on it
// so each such call gets one diagnostic.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_EVENTLOOPFUTURE_H
#define CORIO_CHECKS_UTILS_EVENTLOOPFUTURE_H

#include "frameworks/AsioMatchers.h"

#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::async::matchers {

/// Matches a call to asio::co_spawn / boost::asio::co_spawn or to an Asio
/// async_* function (free or member) whose completion token is use_future.
inline ast_matchers::internal::Matcher<Expr> useFutureCall() {
  using namespace ast_matchers;
  auto UseFutureToken = expr(hasType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(classTemplateSpecializationDecl(
          frameworks::asioNamed("use_future_t")))))));
  auto AsioInitiation = functionDecl(
      anyOf(frameworks::asioNamed("co_spawn"),
            matchesName("^::(boost::)?asio::(.*::)?async_[a-z_]+$")));
  // ignoringImplicit also sees through the CXXBindTemporaryExpr around a
  // temporary future (co_spawn(..., use_future).get()).
  return ignoringImplicit(ignoringParens(
      expr(callExpr(callee(AsioInitiation), hasAnyArgument(UseFutureToken)))));
}

/// Matches an expression naming a future the event loop fulfils: a use_future
/// call itself, or a local variable initialised from one.
inline ast_matchers::internal::Matcher<Expr> eventLoopFuture() {
  using namespace ast_matchers;
  return ignoringImplicit(ignoringParens(
      expr(anyOf(useFutureCall(),
                 declRefExpr(to(varDecl(hasLocalStorage(),
                                        hasInitializer(useFutureCall()))))))));
}

} // namespace clang::tidy::async::matchers

#endif // CORIO_CHECKS_UTILS_EVENTLOOPFUTURE_H

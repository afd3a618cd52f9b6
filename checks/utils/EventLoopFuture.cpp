//===- EventLoopFuture.cpp - futures whose value the event loop produces --===//
#include "utils/EventLoopFuture.h"
#include "frameworks/AsioMatchers.h"

#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::async::matchers {

ast_matchers::internal::Matcher<Expr> useFutureCall() {
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

ast_matchers::internal::Matcher<Expr> eventLoopFuture() {
  using namespace ast_matchers;
  return ignoringImplicit(ignoringParens(
      expr(anyOf(useFutureCall(),
                 declRefExpr(to(varDecl(hasLocalStorage(),
                                        hasInitializer(useFutureCall()))))))));
}

} // namespace clang::tidy::async::matchers

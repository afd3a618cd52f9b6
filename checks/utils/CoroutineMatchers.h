//===- CoroutineMatchers.h - matchers shared by the async checks ----------===//
//
// Where a coroutine body starts and ends is what every async-* check needs
// first: a call is "in a coroutine" only if the closest enclosing callable
// (function, lambda or block) is itself a coroutine.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_COROUTINEMATCHERS_H
#define CORIO_CHECKS_UTILS_COROUTINEMATCHERS_H

#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::async::matchers {

/// Matches a function (or a lambda's call operator) whose body contains
/// co_await, co_yield or co_return, i.e. whose body Sema turned into a
/// CoroutineBodyStmt.
AST_MATCHER(FunctionDecl, isCoroutine) {
  return llvm::isa_and_nonnull<CoroutineBodyStmt>(Node.getBody());
}

/// Matches a statement whose closest enclosing callable is a coroutine.
/// A non-coroutine lambda nested in a coroutine stops the search, since its
/// body may run elsewhere (a thread pool, a later callback).
inline ast_matchers::internal::Matcher<Stmt> inCoroutineBody() {
  using namespace ast_matchers;
  return forCallable(functionDecl(isCoroutine()));
}

} // namespace clang::tidy::async::matchers

#endif // CORIO_CHECKS_UTILS_COROUTINEMATCHERS_H

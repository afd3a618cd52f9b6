//===- CoAwaitAllowed.h - may a fix-it put co_await here? -----------------===//
//
// A coroutine body accepts co_await almost everywhere, but not in a catch
// handler nor in the initializer of a static or thread_local local variable
// ([expr.await]/2). A fix-it that introduces co_await must check both.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_COAWAITALLOWED_H
#define CORIO_CHECKS_UTILS_COAWAITALLOWED_H

#include "AncestorInCallable.h"

#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async {

/// Whether a co_await written in place of \p E would be well-formed, given
/// that \p E is in a coroutine body (and not in a nested lambda).
bool isCoAwaitAllowedAt(const Expr &E, helpers::ParentIndex &Parents);

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_UTILS_COAWAITALLOWED_H

//===- ExceptionKeepers.h - what keeps or throws the handled exception ----===//
//
// A handler that stores the exception it caught (an exception_ptr rethrown
// after a cleanup, a folly::exception_wrapper handed on) has not lost it;
// and only a suspension point that can throw into the coroutine body can
// deliver a cancellation to a handler at all.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_EXCEPTIONKEEPERS_H
#define CORIO_CHECKS_UTILS_EXCEPTIONKEEPERS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace clang::tidy::async::helpers {

/// Whether S keeps the exception being handled (stores it, wraps it, sets a
/// result from it) through one of Keepers: a function, or a class whose
/// construction takes it.
bool keepsException(const Stmt &S, ArrayRef<std::string> Keepers);

/// Whether a co_await or co_yield can throw into the coroutine body: not
/// when its awaiter is noexcept, when it awaits one of the frameworks'
/// non-throwing awaitables (folly::coro::co_awaitTry, co_nothrow), or an
/// operation whose completion token hands errors over as values (Asio's
/// as_tuple, redirect_error).
bool mayThrowIntoBody(const Expr &Point);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_EXCEPTIONKEEPERS_H

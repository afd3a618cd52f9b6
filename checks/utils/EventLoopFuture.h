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
ast_matchers::internal::Matcher<Expr> useFutureCall();

/// Matches an expression naming a future the event loop fulfils: a use_future
/// call itself, or a local variable initialised from one.
ast_matchers::internal::Matcher<Expr> eventLoopFuture();

} // namespace clang::tidy::async::matchers

#endif // CORIO_CHECKS_UTILS_EVENTLOOPFUTURE_H

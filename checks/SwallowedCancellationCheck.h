//===- SwallowedCancellationCheck.h - async-swallowed-cancellation -*- C++ -*-===//
#ifndef CORIO_CHECKS_SWALLOWEDCANCELLATIONCHECK_H
#define CORIO_CHECKS_SWALLOWEDCANCELLATIONCHECK_H

#include "utils/CatalogueList.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <string>
#include <vector>

namespace clang::tidy::async {

/// Flags catch handlers in coroutines that catch a cancellation exception and
/// do not rethrow it, loops that go on after an operation reported
/// cancellation through an error code, and promise types whose
/// unhandled_exception() drops the exception.
///
/// Docs: docs/checks/async-swallowed-cancellation.md
class SwallowedCancellationCheck : public ClangTidyCheck {
public:
  SwallowedCancellationCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Checks the try and if statements in S, part of Coroutine's body.
  void checkStatements(const Stmt *S, const FunctionDecl &Coroutine,
                       ASTContext &Ctx, bool InHandler);
  void checkHandlers(const CXXTryStmt &Try, const FunctionDecl &Coroutine,
                     ASTContext &Ctx);
  void checkLoopOnCancelledCode(const IfStmt &If, ASTContext &Ctx);
  /// The promise rule, apart from the body analysis above:
  /// SwallowedCancellationPromiseRule.cpp.
  void checkUnhandledException(const CXXMethodDecl &Method,
                               const SourceManager &SM);

  /// Exception types that mean "cancelled" by themselves: the catalogue's
  /// (corio, cppcoro, folly, async_simple) and the user's own.
  const helpers::CatalogueList CancellationTypes;
  /// Error-code enumerators that mean "cancelled": the catalogue's (Asio's
  /// operation_aborted, which also makes its system_error a cancellation, and
  /// the portable codes it equals) and the user's own.
  const helpers::CatalogueList CancellationErrorCodes;
  const bool AllowTranslation;
  const std::string RawExceptionKeepers;
  const bool IgnoreBroadHandlersReturningErrors;
  /// What keeps the handled exception, qualified, without the leading "::".
  std::vector<std::string> ExceptionKeepers;
  /// Every error-code enumerator CancellationErrorCodes keeps, qualified,
  /// without the leading "::".
  std::vector<std::string> CancellationCodes;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_SWALLOWEDCANCELLATIONCHECK_H

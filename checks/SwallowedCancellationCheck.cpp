//===- SwallowedCancellationCheck.cpp - async-swallowed-cancellation ===//
#include "SwallowedCancellationCheck.h"
#include "frameworks/Registry.h"
#include "utils/BodyCFG.h"
#include "utils/CancellationAssumption.h"
#include "utils/CancellationRethrowFix.h"
#include "utils/CaughtCancellation.h"
#include "utils/CoroutineMatchers.h"
#include "utils/ExceptionKeepers.h"
#include "utils/HandlerPaths.h"
#include "utils/SuspensionPoints.h"
#include "utils/TestFrameworkMacros.h"

#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

using helpers::Cancellation;
using helpers::CancellationAssumption;
using helpers::CatchKind;
using helpers::Escape;
using helpers::EscapeKind;
using helpers::HandlerPaths;
using helpers::mayThrowIntoBody;
using Swallowed = helpers::SwallowedCancellation;

namespace {

/// The statement control ends on when it runs through S, looking into
/// braces.
const Stmt *lastStatement(const Stmt *S) {
  while (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    S = Block->body_empty() ? nullptr : Block->body_back();
  return S;
}

/// Points at where the cancellation leaves the handler, in source order.
void noteEscapes(ClangTidyCheck &Check, const CXXCatchStmt &Handler,
                 const Swallowed &S, const SourceManager &SM) {
  llvm::SmallVector<Escape, 2> Escapes(S.Paths.Escapes);
  llvm::sort(Escapes, [&](const Escape &A, const Escape &B) {
    if (!A.Where || !B.Where) // Falling off the end comes last.
      return B.Where == nullptr && A.Where != nullptr;
    return SM.isBeforeInTranslationUnit(A.Where->getBeginLoc(),
                                        B.Where->getBeginLoc());
  });
  for (const Escape &E : Escapes) {
    switch (E.Kind) {
    case EscapeKind::FallOff:
      // The warning says it all when the handler is straight-line code.
      if (S.Paths.Branches)
        Check.diag(Handler.getHandlerBlock()->getEndLoc(),
                   "control reaches the end of the handler here without "
                   "rethrowing the cancellation",
                   DiagnosticIDs::Note);
      break;
    case EscapeKind::CoReturn:
      Check.diag(E.Where->getBeginLoc(),
                 "'co_return' leaves the handler without rethrowing the "
                 "cancellation",
                 DiagnosticIDs::Note);
      break;
    case EscapeKind::Continue:
    case EscapeKind::Break:
    case EscapeKind::Goto:
      Check.diag(E.Where->getBeginLoc(),
                 "'%0' leaves the handler without rethrowing the cancellation",
                 DiagnosticIDs::Note)
          << (E.Kind == EscapeKind::Continue ? "continue"
              : E.Kind == EscapeKind::Break  ? "break"
                                             : "goto");
      break;
    case EscapeKind::Translation: {
      const auto *Throw = dyn_cast<CXXThrowExpr>(E.Where);
      Check.diag(E.Where->getBeginLoc(),
                 "this throws %select{%1|another exception}0 in place of the "
                 "cancellation",
                 DiagnosticIDs::Note)
          << !Throw << (Throw ? Throw->getSubExpr()->getType() : QualType());
      break;
    }
    case EscapeKind::SlicedCopy:
      Check.diag(E.Where->getBeginLoc(),
                 "this throws a copy of type %0, which is no longer a '%1'; "
                 "rethrow with 'throw;'",
                 DiagnosticIDs::Note)
          << cast<CXXThrowExpr>(E.Where)->getSubExpr()->getType()
          << S.C->Spelling;
      break;
    }
  }
}

/// How the handler can let the cancellation through: the %select index of
/// the remedy note. A handler of the cancellation alone rethrows it; a broader
/// one tells it apart first, by its type or, for a generic error, its code.
unsigned remedyIndex(const Swallowed &S) {
  if (!S.C->AbortedCode.empty())
    return 2;
  return S.Kind == CatchKind::Exact ? 0 : 1;
}

} // namespace

SwallowedCancellationCheck::SwallowedCancellationCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CancellationTypes(Options, "CancellationTypes",
                        helpers::catalogueCancellationTypes(),
                        helpers::catalogueCancellationTypes()),
      CancellationErrorCodes(Options, "CancellationErrorCodes",
                             helpers::catalogueCancellationCodes(),
                             helpers::catalogueCancellationCodes()),
      AllowTranslation(Options.get("AllowTranslation", false)),
      RawExceptionKeepers(Options.get(
          "ExceptionKeepers",
          frameworks::joinedNames<&frameworks::Framework::ExceptionKeepers>())),
      IgnoreBroadHandlersReturningErrors(
          Options.get("IgnoreBroadHandlersReturningErrors", false)) {
  for (StringRef Keeper :
       tidy::utils::options::parseStringList(RawExceptionKeepers))
    ExceptionKeepers.push_back(frameworks::spelled(Keeper).str());
  for (StringRef Code :
       CancellationErrorCodes.kept(helpers::catalogueCancellationCodes()))
    CancellationCodes.push_back(frameworks::spelled(Code).str());
  for (StringRef Code : CancellationErrorCodes.userNames())
    CancellationCodes.push_back(frameworks::spelled(Code).str());
}

void SwallowedCancellationCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  CancellationTypes.store(Options, Opts);
  CancellationErrorCodes.store(Options, Opts);
  Options.store(Opts, "AllowTranslation", AllowTranslation);
  Options.store(Opts, "ExceptionKeepers", RawExceptionKeepers);
  Options.store(Opts, "IgnoreBroadHandlersReturningErrors",
                IgnoreBroadHandlersReturningErrors);
}

void SwallowedCancellationCheck::registerMatchers(MatchFinder *Finder) {
  // Coroutine bodies are few and small next to the rest of a translation
  // unit; their try and if statements are found by walking them in check().
  // Templates are read once, from their pattern.
  Finder->addMatcher(functionDecl(isDefinition(), matchers::isCoroutine(),
                                  unless(matchers::isInstantiatedFromPattern()))
                         .bind("coroutine"),
                     this);
  // The promise rule (SwallowedCancellationPromiseRule.cpp).
  Finder->addMatcher(
      cxxMethodDecl(hasName("unhandled_exception"), isDefinition(),
                    unless(isImplicit()),
                    unless(matchers::isInstantiatedFromPattern()))
          .bind("unhandled-exception"),
      this);
}

void SwallowedCancellationCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine"))
    checkStatements(cast<CoroutineBodyStmt>(Coroutine->getBody())->getBody(),
                    *Coroutine, *Result.Context, /*InHandler=*/false);
  else if (const auto *Method =
               Result.Nodes.getNodeAs<CXXMethodDecl>("unhandled-exception"))
    checkUnhandledException(*Method, *Result.SourceManager);
}

void SwallowedCancellationCheck::checkStatements(const Stmt *S,
                                                 const FunctionDecl &Coroutine,
                                                 ASTContext &Ctx,
                                                 bool InHandler) {
  // A lambda is a function of its own; a coroutine lambda gets its own match.
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    checkHandlers(*Try, Coroutine, Ctx);
  // In a handler, the handler analysis covers a jump on a cancelled code.
  else if (const auto *If = dyn_cast<IfStmt>(S); If && !InHandler)
    checkLoopOnCancelledCode(*If, Ctx);
  InHandler = InHandler || isa<CXXCatchStmt>(S);
  for (const Stmt *Child : S->children())
    checkStatements(Child, Coroutine, Ctx, InHandler);
}

void SwallowedCancellationCheck::checkHandlers(const CXXTryStmt &Try,
                                               const FunctionDecl &Coroutine,
                                               ASTContext &Ctx) {
  llvm::SmallVector<const Expr *, 4> SuspensionPoints;
  helpers::collectSuspensionPoints(Try.getTryBlock(), SuspensionPoints);
  llvm::erase_if(SuspensionPoints,
                 [](const Expr *Point) { return !mayThrowIntoBody(*Point); });
  if (SuspensionPoints.empty())
    return;
  const std::vector<Cancellation> Cancellations =
      helpers::cancellationsFor(SuspensionPoints, Coroutine, CancellationTypes,
                                CancellationErrorCodes, Ctx);

  const llvm::SmallVector<helpers::HandlerCatch, 4> Catches =
      helpers::firstCatches(Try, Cancellations);
  std::unique_ptr<CFG> Cfg;
  for (unsigned H = 0; H < Try.getNumHandlers(); ++H) {
    const CXXCatchStmt *Handler = Try.getHandler(H);
    // A test assertion's own handler (EXPECT_THROW's) reports what it
    // catches as the test's outcome.
    const bool Scaffolding = helpers::isTestMacroScaffolding(
        Handler->getCatchLoc(), Ctx.getSourceManager(), Ctx.getLangOpts());
    llvm::SmallVector<Swallowed, 2> Lost;
    for (const helpers::HandlerCatch &Catch : Catches) {
      if (Catch.Handler != Handler)
        continue;
      const size_t I = Catch.Cancellation;
      const CatchKind Kind = Catch.Kind;
      if (Scaffolding)
        continue;
      if (!Cfg && !(Cfg = helpers::buildBodyCFG(Coroutine, Ctx)))
        return;
      const CancellationAssumption Assumption(CancellationCodes, Ctx,
                                              Cancellations[I],
                                              Handler->getExceptionDecl());
      HandlerPaths Paths = helpers::walkHandlerPaths(
          *Cfg, Try, *Handler, Cancellations[I], Kind, Assumption,
          AllowTranslation, ExceptionKeepers);
      if (!Paths.Escapes.empty())
        Lost.push_back({&Cancellations[I], Kind, std::move(Paths)});
    }
    if (Lost.empty())
      continue;

    const Swallowed &First = Lost.front();
    const bool RequestBoundary = llvm::all_of(Lost, helpers::returnsErrors);
    if (RequestBoundary && IgnoreBroadHandlersReturningErrors)
      continue;
    // A generic error is a cancellation by its code: the code names it.
    const bool ByCode = !First.C->AbortedCode.empty();
    diag(Handler->getCatchLoc(),
         "handler %select{swallows|returns}0 cancellation %select{'%2'|'%3'}1"
         "%select{, so the coroutine appears to finish normally| as an error, "
         "so the coroutine appears to have failed}0")
        << RequestBoundary << ByCode << First.C->Spelling
        << First.C->AbortedCode
        << helpers::cancellationRethrowFix(
               *Handler, Lost, Ctx.getSourceManager(), Ctx.getLangOpts());
    diag(Handler->getCatchLoc(),
         "%select{rethrow it with 'throw;'|catch '%1' in a handler of its own "
         "before this one and rethrow it there|rethrow the '%1' first thing in "
         "the handler when its code is '%2'}0",
         DiagnosticIDs::Note)
        << remedyIndex(First) << First.C->Spelling << First.C->AbortedCode;
    noteEscapes(*this, *Handler, First, Ctx.getSourceManager());
  }
}

void SwallowedCancellationCheck::checkLoopOnCancelledCode(const IfStmt &If,
                                                          ASTContext &Ctx) {
  const Expr *Cond = If.getCond();
  if (!Cond)
    return;
  const CancellationAssumption Assumption(CancellationCodes, Ctx);
  const std::optional<bool> TakenIfCancelled = Assumption.valueOf(Cond);
  if (!TakenIfCancelled)
    return;
  const auto *Continue = dyn_cast_or_null<ContinueStmt>(
      lastStatement(*TakenIfCancelled ? If.getThen() : If.getElse()));
  if (!Continue)
    return;
  diag(Continue->getBeginLoc(),
       "'continue' after a cancelled operation ('%0') makes the loop ignore "
       "the cancellation")
      << Assumption.firstCode(Cond)->getQualifiedNameAsString();
  diag(Cond->getBeginLoc(), "the operation's cancellation is detected here",
       DiagnosticIDs::Note);
  diag(Continue->getBeginLoc(),
       "leave the loop instead ('break', 'co_return') or throw",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

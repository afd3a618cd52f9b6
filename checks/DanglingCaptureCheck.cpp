//===- DanglingCaptureCheck.cpp - async-dangling-capture ------------------===//
//
// A lambda's captures live in the closure object, not in the coroutine frame:
// the frame holds only `this` of the closure. `[&]() -> task<> {...}()`
// creates the closure as a temporary that dies at the end of the
// full-expression, so the task is only safe if it finishes within it
// (co_await, sync_wait). Passing the lambda itself to an API that keeps it
// alive (co_spawn, task_group::spawn(F), folly's co_invoke) is the fix.
//
//===----------------------------------------------------------------------===//
#include "DanglingCaptureCheck.h"
#include "utils/AncestorInCallable.h"
#include "utils/DisplayName.h"
#include "utils/TaskDestination.h"

#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

void DanglingCaptureCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxOperatorCallExpr(
          hasOverloadedOperatorName("()"),
          hasArgument(0, ignoringImplicit(lambdaExpr().bind("lambda"))),
          unless(isExpansionInSystemHeader()))
          .bind("call"),
      this);
}

void DanglingCaptureCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CXXOperatorCallExpr>("call");
  const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda");
  if (Lambda->capture_size() == 0 ||
      !helpers::hasCoroutineBody(Call->getDirectCallee()))
    return;
  helpers::ParentIndex &Index = Parents.forContext(*Result.Context);
  // Templates are checked through their instantiations, once per location.
  const FunctionDecl *Callable = helpers::enclosingCallable(*Call, Index);
  if (Callable && Callable->isDependentContext())
    return;
  const helpers::TaskDestination Destination =
      helpers::destinationOf(*Call, Index, Types);
  const int Escape = helpers::outlivingFateIndex(Destination);
  if (Escape < 0 || !Reported.insert(Call->getBeginLoc()).second)
    return;

  diag(Lambda->getBeginLoc(),
       "the captures of this lambda coroutine dangle: the closure dies "
       "before the task, which is %select{stored|returned|spawned into a "
       "task group|started detached|started with its future kept for later}0")
      << Escape;
  const Expr &Full = helpers::fullExpressionOf(*Call, Index);
  diag(Full.getEndLoc(),
       "the closure is destroyed here, at the end of the full-expression",
       DiagnosticIDs::Note);
  noteRemedy(*Call, *Lambda, Destination.Sink, *Result.Context);
}

/// co_spawn and task_group::spawn(F) keep a function object alive for as
/// long as its coroutine runs: passing the lambda itself is the fix there.
void DanglingCaptureCheck::noteRemedy(const CXXOperatorCallExpr &Call,
                                      const LambdaExpr &Lambda,
                                      const CallExpr *Sink, ASTContext &Ctx) {
  const FunctionDecl *SinkCallee = Sink ? Sink->getDirectCallee() : nullptr;
  const std::string SinkName =
      SinkCallee ? helpers::displayName(*SinkCallee) : "";
  const bool KeepsCallable = SinkName == "corio::task_group::spawn" ||
                             SinkName == "asio::co_spawn" ||
                             SinkName == "boost::asio::co_spawn";
  const bool TakesNoArguments = Call.getNumArgs() == 1;
  const SourceManager &SM = Ctx.getSourceManager();
  if (KeepsCallable && TakesNoArguments) {
    auto Note = diag(Call.getExprLoc(),
                     "pass the lambda itself: '%0' keeps it alive until its "
                     "coroutine finishes",
                     DiagnosticIDs::Note)
                << SinkName;
    // Remove the call's parentheses, from the end of the lambda to ')'.
    if (!Call.getBeginLoc().isMacroID() && !Call.getRParenLoc().isMacroID()) {
      const SourceLocation AfterLambda = Lexer::getLocForEndOfToken(
          Lambda.getEndLoc(), 0, SM, Ctx.getLangOpts());
      const SourceLocation AfterCall = Lexer::getLocForEndOfToken(
          Call.getRParenLoc(), 0, SM, Ctx.getLangOpts());
      if (AfterLambda.isValid() && AfterCall.isValid())
        Note << FixItHint::CreateRemoval(
            CharSourceRange::getCharRange(AfterLambda, AfterCall));
    }
    return;
  }
  const CXXRecordDecl *Task = Call.getType()->getAsCXXRecordDecl();
  if (Task && helpers::displayName(*Task) == "folly::coro::Task") {
    diag(Call.getExprLoc(),
         "pass the lambda to 'folly::coro::co_invoke', which keeps it alive "
         "until the task "
         "finishes",
         DiagnosticIDs::Note);
    return;
  }
  diag(Call.getExprLoc(),
       "keep the lambda in a variable that outlives the task, or pass what it "
       "needs as "
       "parameters by value%select{|; in C++23, 'this auto' as its first "
       "parameter copies "
       "the closure into the frame}0",
       DiagnosticIDs::Note)
      << Ctx.getLangOpts().CPlusPlus23;
}

} // namespace clang::tidy::async

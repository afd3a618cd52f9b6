//===- UnawaitedTaskCheck.cpp - async-unawaited-task ===//
#include "UnawaitedTaskCheck.h"
#include "utils/CoAwaitAllowed.h"
#include "utils/CoAwaitParens.h"
#include "utils/DiscardedValue.h"
#include "utils/DisplayName.h"

#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

const CXXRecordDecl *classOf(QualType Type) {
  return Type->isDependentType() ? nullptr : Type->getAsCXXRecordDecl();
}

/// A freshly created (prvalue) object of a lazy, awaitable task class.
AST_MATCHER_P(Expr, createsLazyTask, helpers::TaskTypes *, TaskTypes) {
  const CXXRecordDecl *Class =
      Node.isPRValue() ? classOf(Node.getType()) : nullptr;
  return Class &&
         TaskTypes->isLazyAwaitableTask(*Class, Finder->getASTContext());
}

/// A variable whose own object is a lazy, awaitable task (not a reference).
AST_MATCHER_P(VarDecl, holdsLazyTask, helpers::TaskTypes *, TaskTypes) {
  const CXXRecordDecl *Class = classOf(Node.getType());
  return Class &&
         TaskTypes->isLazyAwaitableTask(*Class, Finder->getASTContext());
}

/// The name of what produced a task: a named function, not an operator or a
/// lambda's call operator.
const FunctionDecl *namedCallee(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Method->getParent()->isLambda())
    return nullptr;
  return Callee;
}

/// Matches a statement with attributes (`[[likely]] f();`); the upstream
/// matcher library has none.
const ast_matchers::internal::VariadicDynCastAllOfMatcher<Stmt, AttributedStmt>
    attributedStmt;

} // namespace

UnawaitedTaskCheck::UnawaitedTaskCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AllowVoidCast(Options.get("AllowVoidCast", false)) {}

void UnawaitedTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowVoidCast", AllowVoidCast);
}

void UnawaitedTaskCheck::registerMatchers(MatchFinder *Finder) {
  auto Callable = functionDecl().bind("callable");
  // Candidates are found from the statement downwards, through what
  // valueUse() looks through (temporaries, parentheses, void casts, commas):
  // asking every task-creating call for its parent instead would make clang
  // build a parent map of the whole translation unit. check() still asks
  // valueUse() for the final word, only for these few candidates, with the
  // parents of their own top-level declaration only (helpers::ParentIndex).
  auto TaskCall = expr(ignoringImplicit(ignoringParens(
      callExpr(createsLazyTask(&TaskTypes), unless(isExpansionInSystemHeader()))
          .bind("call"))));
  auto Comma = [](const auto &Operand) {
    return binaryOperator(hasOperatorName(","), Operand);
  };
  // Dropped wherever it stands: the left of a comma, a cast to void.
  Finder->addMatcher(Comma(hasLHS(TaskCall)), this);
  Finder->addMatcher(explicitCastExpr(hasDestinationType(asString("void")),
                                      hasSourceExpression(TaskCall)),
                     this);
  // Dropped as a statement of its own (or the right of a comma that is one),
  // in each kind of statement that holds statements. One matcher per kind,
  // so the matcher is never tried on the far more numerous expressions.
  auto Statement = forEach(expr(ignoringImplicit(
      ignoringParens(expr(anyOf(TaskCall, Comma(hasRHS(TaskCall))))))));
  Finder->addMatcher(compoundStmt(Statement), this);
  Finder->addMatcher(ifStmt(Statement), this);
  Finder->addMatcher(forStmt(Statement), this);
  Finder->addMatcher(cxxForRangeStmt(Statement), this);
  Finder->addMatcher(whileStmt(Statement), this);
  Finder->addMatcher(doStmt(Statement), this);
  Finder->addMatcher(switchCase(Statement), this);
  Finder->addMatcher(labelStmt(Statement), this);
  Finder->addMatcher(attributedStmt(Statement), this); // [[likely]] f();
  Finder->addMatcher(
      varDecl(
          hasLocalStorage(), unless(parmVarDecl()), holdsLazyTask(&TaskTypes),
          hasInitializer(expr(unless(cxxConstructExpr(argumentCountIs(0))))),
          hasDeclContext(Callable))
          .bind("var"),
      this);
}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    helpers::ParentIndex &Parents = this->Parents.forContext(*Result.Context);
    const FunctionDecl *Callable = helpers::enclosingCallable(*Call, Parents);
    // Templates are checked through their instantiations, once per location.
    if (Callable && !Callable->isDependentContext())
      diagnoseDroppedCall(*Call, *Callable, Parents);
    return;
  }
  const auto *Callable = Result.Nodes.getNodeAs<FunctionDecl>("callable");
  if (Callable->isDependentContext())
    return;
  const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var");
  if (Var->isReferenced() || Var->isInvalidDecl() || Var->isInitCapture() ||
      Var->isExceptionVariable() || Var->isCXXForRangeDecl() ||
      !Reported.insert(Var->getLocation()).second)
    return;
  diag(Var->getLocation(), "lazy task %0 of type '%1' is never awaited, "
                           "spawned or passed on, so its coroutine never runs")
      << Var << helpers::displayName(*Var->getType()->getAsCXXRecordDecl());
}

void UnawaitedTaskCheck::diagnoseDroppedCall(const CallExpr &Call,
                                             const FunctionDecl &Callable,
                                             helpers::ParentIndex &Parents) {
  ASTContext &Ctx = Parents.context();
  const helpers::ValueUse Use = helpers::valueUse(Call, Parents);
  if (Use == helpers::ValueUse::Used ||
      (Use == helpers::ValueUse::CastToVoid && AllowVoidCast))
    return;
  // Through Stmt, which dispatches to the call's own kind: CallExpr's version
  // points an overloaded operator() at its callee, not at the object.
  const SourceLocation Begin = static_cast<const Stmt &>(Call).getBeginLoc();
  if (!Reported.insert(Begin).second)
    return;
  const CXXRecordDecl &Task = *Call.getType()->getAsCXXRecordDecl();
  const std::string TaskName = helpers::displayName(Task);
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(Callable.getBody());
  const VarDecl *PromiseVar = Body ? Body->getPromiseDecl() : nullptr;
  const CXXRecordDecl *Promise =
      PromiseVar ? PromiseVar->getType()->getAsCXXRecordDecl() : nullptr;
  const bool CanAwait = Promise && TaskTypes.canAwait(*Promise, Task, Ctx);
  // A dropped value is never a postfix operand: only `co_await ` in front of
  // the call as written is to check.
  const bool CanFix = CanAwait && !Begin.isMacroID() &&
                      !helpers::needsParensAsCoAwaitOperand(Call) &&
                      isCoAwaitAllowedAt(Call, Parents);
  {
    const FunctionDecl *Callee = namedCallee(Call);
    auto Warning =
        diag(Begin, "%select{this '%1'|the '%1' returned by '%2'}0 is dropped "
                    "without being awaited, so its coroutine never runs")
        << (Callee != nullptr) << TaskName
        << (Callee ? helpers::displayName(*Callee) : std::string());
    if (CanFix)
      Warning << FixItHint::CreateInsertion(Begin, "co_await ");
  }
  if (CanFix)
    return;
  if (!Body)
    diag(Begin,
         "a lazy task runs only once it is awaited from a coroutine or "
         "handed to something that starts it (a spawner or a runner)",
         DiagnosticIDs::Note);
  else if (!CanAwait)
    diag(Begin,
         "the enclosing coroutine cannot co_await a '%0': hand it to a "
         "spawner or runner of its own framework",
         DiagnosticIDs::Note)
        << TaskName;
  else
    diag(Begin, "co_await it", DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

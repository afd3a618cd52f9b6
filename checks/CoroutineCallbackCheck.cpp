//===- CoroutineCallbackCheck.cpp - async-coroutine-callback ===//
//
// A callback slot that discards its callable's result (a
// std::function<void()>, a posted handler, a thread's function, for_each's
// function) turns a coroutine into a task nobody holds: a lazy task is
// destroyed before it starts, an eager one runs on with nobody to see its
// exception. Sinks made for task-returning callables (co_spawn, a task
// group's spawn, folly's co_invoke) take the callable as a template
// parameter and keep the task, so they never reach these matchers.
//
//===----------------------------------------------------------------------===//
#include "CoroutineCallbackCheck.h"
#include "frameworks/Registry.h"
#include "utils/DisplayName.h"
#include "utils/TemplateOf.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

/// Matches a wrapper specialisation whose signature (first template
/// argument) returns void: it calls the callable and drops the result.
AST_MATCHER(ClassTemplateSpecializationDecl, hasVoidSignature) {
  const TemplateArgumentList &Args = Node.getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return false;
  const auto *Signature = Args[0].getAsType()->getAs<FunctionType>();
  return Signature && Signature->getReturnType()->isVoidType();
}

/// What calling an object of Type returns: a function's (or a function
/// pointer's or reference's) result, or the result of the class's only
/// operator() (a lambda's, a function wrapper's).
QualType callResult(QualType Type, ASTContext &Context) {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  if (const auto *Function = Type->getAs<FunctionType>())
    return Function->getReturnType();
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (Class && Class->isLambda())
    if (const CXXMethodDecl *Call = Class->getLambdaCallOperator())
      return Call->getReturnType();
  if (!Class || !Class->hasDefinition())
    return QualType();
  auto Calls = Class->getDefinition()->lookup(
      Context.DeclarationNames.getCXXOperatorName(OO_Call));
  if (Calls.empty() || !Calls.isSingleResult())
    return QualType();
  const FunctionDecl *Call = Calls.front()->getAsFunction();
  return Call ? Call->getReturnType() : QualType();
}

/// The call that keeps and joins a task of the framework the task type
/// belongs to: its task group's spawn (Kind 0, Name the group type), or its
/// spawn function (Kind 1, Name the function); Kind 2 when neither is known.
struct JoiningSpawn {
  unsigned Kind;
  std::string Name;
};
JoiningSpawn joiningSpawn(const CXXRecordDecl &Task) {
  const std::string Template =
      helpers::classOrTemplate(Task).getQualifiedNameAsString();
  for (const frameworks::Framework *F : frameworks::all()) {
    if (!F->hasTask(Template))
      continue;
    if (!F->TaskGroups.empty())
      return {0, frameworks::spelled(F->TaskGroups.front()).str()};
    for (const frameworks::DetachingCall &Call : F->DetachingCalls)
      if (Call.Kind == frameworks::DetachKind::SpawnWithDetachedToken)
        return {1, Call.Callee.str()};
  }
  return {2, ""};
}

} // namespace

void CoroutineCallbackCheck::registerMatchers(MatchFinder *Finder) {
  const auto Wrappers = frameworks::collect(
      frameworks::all(), &frameworks::Framework::CallbackWrappers);
  const auto Takers = frameworks::collect(
      frameworks::all(), &frameworks::Framework::CallbackTakers);
  auto VoidWrapper =
      classTemplateSpecializationDecl(hasAnyName(Wrappers), hasVoidSignature());
  auto Callable = expr().bind("callable");

  // std::function<void()> f = coroutine; and every parameter of such a type.
  Finder->addMatcher(
      cxxConstructExpr(unless(isExpansionInSystemHeader()),
                       hasDeclaration(cxxConstructorDecl(ofClass(VoidWrapper))),
                       argumentCountIs(1), hasArgument(0, Callable))
          .bind("wrapper"),
      this);
  Finder->addMatcher(
      cxxOperatorCallExpr(
          unless(isExpansionInSystemHeader()), hasOverloadedOperatorName("="),
          hasArgument(0, hasType(hasUnqualifiedDesugaredType(
                             recordType(hasDeclaration(VoidWrapper))))),
          hasArgument(1, Callable))
          .bind("wrapper"),
      this);
  // std::thread(coroutine), asio::post(ex, coroutine), std::for_each(b, e, coroutine).
  Finder->addMatcher(cxxConstructExpr(unless(isExpansionInSystemHeader()),
                                      hasDeclaration(cxxConstructorDecl(
                                          ofClass(hasAnyName(Takers)))),
                                      hasArgument(0, Callable))
                         .bind("taker"),
                     this);
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              callee(functionDecl(hasAnyName(Takers))),
                              forEachArgumentWithParam(Callable, parmVarDecl()))
                         .bind("taker"),
                     this);
}

void CoroutineCallbackCheck::diagnoseIfTask(const Expr &Callable,
                                            StringRef Sink,
                                            ASTContext &Context) {
  const Expr *Written = Callable.IgnoreImplicit()->IgnoreParens();
  if (Written->isTypeDependent())
    return;
  const QualType Returned = callResult(Written->getType(), Context);
  const CXXRecordDecl *Task =
      Returned.isNull() ? nullptr : Returned->getAsCXXRecordDecl();
  if (!Task || !TaskTypes.isCoroutineType(*Task, Context) ||
      !Reported.insert(Written->getBeginLoc()).second)
    return;
  const bool Lazy = TaskTypes.isLazyAwaitableTask(*Task, Context);
  diag(Written->getBeginLoc(), "'%0' discards the %1 this callable returns: "
                               "%select{the coroutine runs detached and its "
                               "exception is lost|the coroutine never runs}2")
      << Sink << Returned.getCanonicalType() << Lazy;
  const JoiningSpawn Spawn = joiningSpawn(*Task);
  diag(Written->getBeginLoc(),
       "start the coroutine where its task is kept and joined: "
       "%select{'tg.spawn(...)' on a "
       "'%1'|'%1(...)' with a completion handler that takes the "
       "exception|'co_spawn(...)' or "
       "'tg.spawn(...)'}0",
       DiagnosticIDs::Note)
      << Spawn.Kind << Spawn.Name;
}

void CoroutineCallbackCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Callable = *Result.Nodes.getNodeAs<Expr>("callable");
  if (const auto *Wrapper = Result.Nodes.getNodeAs<Expr>("wrapper")) {
    const QualType Type =
        isa<CXXOperatorCallExpr>(Wrapper)
            ? cast<CXXOperatorCallExpr>(Wrapper)->getArg(0)->getType()
            : Wrapper->getType();
    diagnoseIfTask(Callable,
                   Type.getUnqualifiedType().getAsString(
                       Result.Context->getPrintingPolicy()),
                   *Result.Context);
    return;
  }
  const auto *Taker = Result.Nodes.getNodeAs<Expr>("taker");
  const NamedDecl *Callee = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Taker))
    Callee = Construct->getConstructor()->getParent();
  else
    Callee = cast<CallExpr>(Taker)->getDirectCallee();
  if (Callee)
    diagnoseIfTask(Callable, helpers::displayName(*Callee), *Result.Context);
}

} // namespace clang::tidy::async

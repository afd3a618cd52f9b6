//===- UnshieldedCleanupCheck.cpp - async-unshielded-cleanup --------------===//
//
// After a handler caught a cancellation, the coroutine is still cancelled:
// corio's cancellation is level-triggered, a cancelled Asio coroutine throws
// at its next co_await, a folly task's token stays cancelled. Cleanup awaited
// before the cancellation is rethrown is cancelled too, unless a shield of
// the framework (the catalogue's CancellationShields) protects it. The paths
// from the handler are followed through the CFG
// (utils/AfterCaughtCancellation.h); this file decides which suspension
// points on them are protected and reports the others.
//
//===----------------------------------------------------------------------===//
#include "UnshieldedCleanupCheck.h"
#include "frameworks/Registry.h"
#include "utils/AfterCaughtCancellation.h"
#include "utils/BodyCFG.h"
#include "utils/CaughtCancellation.h"
#include "utils/CoroutineMatchers.h"
#include "utils/QualifiedLookup.h"
#include "utils/SuspensionPoints.h"
#include "utils/TemplateOf.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

using frameworks::CancellationShield;
using frameworks::ShieldForm;

void collectTryStatements(const Stmt *S,
                          llvm::SmallVectorImpl<const CXXTryStmt *> &Found) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    Found.push_back(Try);
  for (const Stmt *Child : S->children())
    collectTryStatements(Child, Found);
}

/// A call the awaited expression is: the function (or function object)
/// called, qualified without "::", and its arguments.
struct AwaitedCall {
  std::string Callee;
  llvm::SmallVector<const Expr *, 2> Args;
};

std::optional<AwaitedCall> awaitedCall(const Expr *Awaited) {
  const auto *Call = dyn_cast<CallExpr>(Awaited->IgnoreUnlessSpelledInSource());
  if (!Call)
    return std::nullopt;
  AwaitedCall Result;
  ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  const Expr *Callee = Call->getCallee();
  // A function object such as folly::coro::co_withCancellation.
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Operator->getOperator() != OO_Call || Args.empty())
      return std::nullopt;
    Callee = Args.front();
    Args = Args.drop_front();
  }
  Callee = Callee->IgnoreParenImpCasts();
  const NamedDecl *Decl = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Callee))
    Decl = Ref->getDecl();
  else if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(Callee);
           Lookup && Lookup->getNumDecls() > 0)
    Decl = (*Lookup->decls_begin())->getUnderlyingDecl();
  if (!Decl)
    return std::nullopt;
  Result.Callee = Decl->getQualifiedNameAsString();
  Result.Args.assign(Args.begin(), Args.end());
  return Result;
}

bool isShieldCall(const AwaitedCall &Call, const CancellationShield &Shield) {
  return Call.Callee == frameworks::spelled(Shield.Name);
}

/// `{}`, `CancellationToken()`, `CancellationToken{}`: a token nobody can
/// cancel.
bool isEmptyToken(const Expr *Arg) {
  Arg = Arg->IgnoreImplicit()->IgnoreParens();
  if (const auto *List = dyn_cast<InitListExpr>(Arg))
    return List->getNumInits() == 0;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Arg))
    return Construct->getNumArgs() == 0;
  return isa<CXXScalarValueInitExpr>(Arg);
}

bool isFalse(const Expr *Arg) {
  const auto *Literal =
      dyn_cast<CXXBoolLiteralExpr>(Arg->IgnoreUnlessSpelledInSource());
  return Literal && !Literal->getValue();
}

/// Whether cancellation cannot interrupt the awaited type (Asio's this_coro
/// objects, std::suspend_never, corio's group join).
bool isUncancellable(const Expr &Awaited) {
  const CXXRecordDecl *Class =
      Awaited.getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class)
    return false;
  const std::string Name = Class->getQualifiedNameAsString();
  for (const frameworks::Framework *F : frameworks::all())
    for (StringRef Entry : F->UncancellableAwaitables) {
      const StringRef Spelled = frameworks::spelled(Entry);
      if (Spelled.ends_with("::") ? StringRef(Name).starts_with(Spelled)
                                  : Name == Spelled)
        return true;
    }
  return false;
}

/// The shields of the framework's code in the cancellation's namespace that
/// ShieldFunctions keeps, the one to suggest first.
llvm::SmallVector<const CancellationShield *, 2>
shieldsFor(const helpers::Cancellation &C,
           const helpers::CatalogueList &ShieldFunctions) {
  llvm::SmallVector<const CancellationShield *, 2> Shields;
  for (const CancellationShield &Shield : C.Framework->CancellationShields)
    if (Shield.Name.starts_with(C.Namespace) &&
        ShieldFunctions.keeps(Shield.Name))
      Shields.push_back(&Shield);
  return Shields;
}

/// Whether the coroutine turned off Asio-style throwing on cancellation:
/// `co_await this_coro::throw_if_cancelled(false)` anywhere in its body.
bool optsOut(const FunctionDecl &Coroutine,
             ArrayRef<const CancellationShield *> Shields) {
  llvm::SmallVector<const Expr *, 8> Points;
  helpers::collectSuspensionPoints(
      cast<CoroutineBodyStmt>(Coroutine.getBody())->getBody(), Points);
  for (const Expr *Point : Points) {
    const Expr *Awaited = helpers::awaitedOperand(Point);
    std::optional<AwaitedCall> Call =
        Awaited ? awaitedCall(Awaited) : std::nullopt;
    if (Call && Call->Args.size() == 1 && isFalse(Call->Args.front()) &&
        llvm::any_of(Shields, [&](const CancellationShield *Shield) {
          return Shield->Form == ShieldForm::CoroutineOptOut &&
                 isShieldCall(*Call, *Shield);
        }))
      return true;
  }
  return false;
}

/// How the framework's shields (and the user's ShieldFunctions) treat one
/// suspension point after the cancellation was caught.
helpers::SuspensionVerdict judge(const Expr &Point,
                                 ArrayRef<const CancellationShield *> Shields,
                                 ArrayRef<StringRef> UserShields) {
  using helpers::SuspensionVerdict;
  const Expr *Awaited = helpers::awaitedOperand(&Point);
  if (!Awaited)
    return SuspensionVerdict::Unprotected; // co_yield
  std::optional<AwaitedCall> Call = awaitedCall(Awaited);
  if (!Call)
    return isUncancellable(*Awaited) ? SuspensionVerdict::Protected
                                     : SuspensionVerdict::Unprotected;
  if (llvm::any_of(UserShields, [&](StringRef Name) {
        return frameworks::spelled(Name) == Call->Callee;
      }))
    return SuspensionVerdict::Protected;
  for (const CancellationShield *Shield : Shields) {
    if (!isShieldCall(*Call, *Shield))
      continue;
    switch (Shield->Form) {
    case ShieldForm::Wrapper:
      return SuspensionVerdict::Protected;
    case ShieldForm::EmptyTokenWrapper:
      if (!Call->Args.empty() && isEmptyToken(Call->Args.front()))
        return SuspensionVerdict::Protected;
      break;
    case ShieldForm::PathReset:
      return SuspensionVerdict::Clears;
    case ShieldForm::CoroutineOptOut:
      break;
    }
  }
  return isUncancellable(*Awaited) ? SuspensionVerdict::Protected
                                   : SuspensionVerdict::Unprotected;
}

/// The type Awaited has, or in a template the return type its callee
/// declares (`make()` for a parameter `corio::task<T> (*make)()`).
QualType awaitedType(const Expr &Awaited) {
  const QualType Type = Awaited.getType();
  const auto *Call = dyn_cast<CallExpr>(Awaited.IgnoreUnlessSpelledInSource());
  if (!Type->isDependentType() || !Call)
    return Type;
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(Callee)) {
    if (Lookup->getNumDecls() == 0)
      return Type;
    const NamedDecl *Decl = (*Lookup->decls_begin())->getUnderlyingDecl();
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Decl))
      Decl = Template->getTemplatedDecl();
    const auto *Function = dyn_cast<FunctionDecl>(Decl);
    return Function ? Function->getReturnType() : Type;
  }
  QualType CalleeType = Callee->getType();
  if (const auto *Pointer = CalleeType->getAs<PointerType>())
    CalleeType = Pointer->getPointeeType();
  if (const auto *Function = CalleeType->getAs<FunctionType>())
    return Function->getReturnType();
  return Type;
}

/// The range of the awaited expression to wrap, if a fix-it can wrap it in
/// Shield: a task of the framework, awaited as an rvalue, spelled in the file.
std::optional<CharSourceRange> wrappableRange(const Expr &Point,
                                              const CancellationShield &Shield,
                                              const frameworks::Framework &F,
                                              const ASTContext &Ctx) {
  const Expr *Awaited = helpers::awaitedOperand(&Point);
  if (Shield.Form != ShieldForm::Wrapper || Shield.Header.empty() || !Awaited ||
      Awaited->isLValue())
    return std::nullopt;
  const TemplateDecl *Task = helpers::templateOf(awaitedType(*Awaited));
  if (!Task || !F.hasTask(Task->getQualifiedNameAsString()))
    return std::nullopt;
  const CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Awaited->getSourceRange()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Range.isInvalid())
    return std::nullopt;
  return Range;
}

void noteShield(ClangTidyCheck &Check, SourceLocation Loc,
                const CancellationShield &Shield) {
  const StringRef Name = frameworks::spelled(Shield.Name);
  switch (Shield.Form) {
  case ShieldForm::Wrapper:
    Check.diag(
        Loc, "await it as '%0(...)' to run it out of the cancellation's reach",
        DiagnosticIDs::Note)
        << Name;
    break;
  case ShieldForm::EmptyTokenWrapper:
    Check.diag(
        Loc, "await it as '%0({}, ...)' to run it without the cancelled token",
        DiagnosticIDs::Note)
        << Name;
    break;
  case ShieldForm::PathReset:
    Check.diag(Loc, "'co_await %0()' before it clears the cancellation",
               DiagnosticIDs::Note)
        << Name;
    break;
  case ShieldForm::CoroutineOptOut:
    Check.diag(Loc,
               "'co_await %0(false)' in the coroutine makes its awaits stop "
               "throwing on "
               "cancellation",
               DiagnosticIDs::Note)
        << Name;
    break;
  }
}

/// The names of every framework's shields: ShieldFunctions' default.
std::vector<StringRef> shieldNames() {
  std::vector<StringRef> Names;
  for (const CancellationShield &Shield : frameworks::collect(
           frameworks::all(), &frameworks::Framework::CancellationShields))
    Names.push_back(Shield.Name);
  return Names;
}

} // namespace

UnshieldedCleanupCheck::UnshieldedCleanupCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ShieldFunctions(Options, "ShieldFunctions", shieldNames(), shieldNames()),
      CancellationCodes(helpers::frameworkCancellationCodes()),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void UnshieldedCleanupCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ShieldFunctions.store(Options, Opts);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void UnshieldedCleanupCheck::registerPPCallbacks(const SourceManager &,
                                                 Preprocessor *PP,
                                                 Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void UnshieldedCleanupCheck::registerMatchers(MatchFinder *Finder) {
  // Templates are read once, from their pattern; the try statements are
  // found by walking the body in check().
  Finder->addMatcher(functionDecl(isDefinition(), matchers::isCoroutine(),
                                  unless(matchers::isInstantiatedFromPattern()))
                         .bind("coroutine"),
                     this);
}

void UnshieldedCleanupCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  llvm::SmallVector<const CXXTryStmt *, 4> Tries;
  collectTryStatements(cast<CoroutineBodyStmt>(Coroutine->getBody())->getBody(),
                       Tries);
  std::unique_ptr<CFG> Cfg;
  llvm::DenseSet<const Expr *> Reported;
  for (const CXXTryStmt *Try : Tries)
    checkTry(*Try, *Coroutine, *Result.Context, Cfg, Reported);
}

void UnshieldedCleanupCheck::checkTry(const CXXTryStmt &Try,
                                      const FunctionDecl &Coroutine,
                                      ASTContext &Ctx,
                                      std::unique_ptr<CFG> &Cfg,
                                      llvm::DenseSet<const Expr *> &Reported) {
  llvm::SmallVector<const Expr *, 4> SuspensionPoints;
  helpers::collectSuspensionPoints(Try.getTryBlock(), SuspensionPoints);
  if (SuspensionPoints.empty())
    return;
  const std::vector<helpers::Cancellation> Cancellations =
      helpers::cancellationsFor(SuspensionPoints, Coroutine, Ctx);
  for (const helpers::HandlerCatch &Catch :
       helpers::firstCatches(Try, Cancellations)) {
    const helpers::Cancellation &C = Cancellations[Catch.Cancellation];
    if (!C.Framework)
      continue;
    if (!Cfg && !(Cfg = helpers::buildBodyCFG(Coroutine, Ctx)))
      return;
    const llvm::SmallVector<const CancellationShield *, 2> Shields =
        shieldsFor(C, ShieldFunctions);
    if (optsOut(Coroutine, Shields))
      continue;
    const helpers::CancellationAssumption Assumption(
        CancellationCodes, Ctx, C, Catch.Handler->getExceptionDecl());
    const auto Unprotected = helpers::unprotectedSuspensionsAfter(
        *Cfg, *Coroutine.getBody(), Try, *Catch.Handler, Assumption,
        [&](const Expr &Point) {
          return judge(Point, Shields, ShieldFunctions.userNames());
        },
        Ctx);
    for (const Expr *Point : Unprotected) {
      if (!Reported.insert(Point).second)
        continue;
      const CancellationShield *Suggested =
          Shields.empty() ? nullptr : Shields.front();
      const std::optional<CharSourceRange> Wrap =
          Suggested ? wrappableRange(*Point, *Suggested, *C.Framework, Ctx)
                    : std::nullopt;
      {
        auto Diag =
            diag(Point->getBeginLoc(), "'%select{co_await|co_yield}0' after a "
                                       "caught cancellation ('%1'%select{| "
                                       "carrying '%3'}2) is not shielded, so "
                                       "it is cancelled too and the cleanup "
                                       "does not run")
            << isa<CoyieldExpr>(Point) << C.Spelling << !C.AbortedCode.empty()
            << C.AbortedCode;
        if (Wrap) {
          const StringRef Name = frameworks::spelled(Suggested->Name);
          Diag << FixItHint::CreateInsertion(Wrap->getBegin(),
                                             (Name + "(").str())
               << FixItHint::CreateInsertion(Wrap->getEnd(), ")");
          if (!helpers::isDeclaredBefore(Name, Point->getBeginLoc(), Ctx))
            Diag << Inserter.createIncludeInsertion(
                Ctx.getSourceManager().getFileID(Wrap->getBegin()),
                Suggested->Header);
        }
      }
      diag(Catch.Handler->getCatchLoc(),
           "the cancellation is caught here, but the coroutine stays cancelled",
           DiagnosticIDs::Note);
      for (const CancellationShield *Shield : Shields)
        // Other wrappers of the same framework say the same thing again.
        if (!(Shield == Suggested && Wrap) &&
            !(Shield != Suggested && Shield->Form == ShieldForm::Wrapper))
          noteShield(*this, Point->getBeginLoc(), *Shield);
    }
  }
}

} // namespace clang::tidy::async

//===- NestedEventLoopCheck.cpp - async-nested-event-loop ===//
#include "NestedEventLoopCheck.h"
#include "frameworks/Registry.h"
#include "utils/CoAwaitParens.h"
#include "utils/CoroutineMatchers.h"
#include "utils/DisplayName.h"
#include "utils/EventLoopFuture.h"
#include "utils/TemplateOf.h"
#include "utils/TestFrameworkMacros.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/MapVector.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

// The waits on a future (when an event loop fulfils it).
const StringRef FutureWaits[] = {"get", "wait"};

/// The loop runners and blocking waits of the Frameworks.
std::vector<frameworks::LoopCall>
loopCalls(ArrayRef<const frameworks::Framework *> Frameworks) {
  std::vector<frameworks::LoopCall> Calls =
      frameworks::collect(Frameworks, &frameworks::Framework::LoopRunners);
  llvm::append_range(
      Calls,
      frameworks::collect(Frameworks, &frameworks::Framework::BlockingWaits));
  return Calls;
}

/// The names of the Frameworks' loop calls: EventLoopFunctions' default.
std::vector<StringRef>
loopCallNames(ArrayRef<const frameworks::Framework *> Frameworks) {
  std::vector<StringRef> Names;
  for (const frameworks::LoopCall &Call : loopCalls(Frameworks))
    Names.push_back(Call.Name);
  return Names;
}

/// Whether a wait named Wait ("cppcoro::sync_wait") can be replaced by
/// co_await when it waits on a Task ("cppcoro::task") in a coroutine that
/// returns one too: both lazy tasks of the wait's framework.
bool awaitsFrameworkTask(StringRef Wait, StringRef Task) {
  for (const frameworks::Framework *F : frameworks::all())
    for (const frameworks::LoopCall &Call : F->BlockingWaits)
      if (Call.AwaitsFrameworkTask && frameworks::spelled(Call.Name) == Wait)
        return F->hasLazyTask(Task);
  return false;
}

/// The class template that \p Type instantiates ("cppcoro::task"), or "".
std::string templateName(QualType Type) {
  const TemplateDecl *Template = helpers::templateOf(Type);
  return Template ? helpers::displayName(*Template) : "";
}

/// Messages name a function, or say "a lambda": it has no name to show.
bool isLambda(const FunctionDecl &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F);
  return Method && Method->getParent()->isLambda();
}

/// Walks a function body the way the function runs it: lambda bodies and
/// local classes are functions of their own, unevaluated operands (sizeof,
/// decltype, noexcept...) run nothing. Reports each call with whether
/// co_await could replace it there.
class BodyWalker : public ConstDynamicRecursiveASTVisitor {
public:
  using OnCall = llvm::function_ref<void(const CallExpr &, bool AwaitAllowed)>;
  explicit BodyWalker(OnCall Report) : Report(Report) {}

  bool VisitCallExpr(const CallExpr *Call) override {
    Report(*Call, NoAwaitDepth == 0);
    return true;
  }

  // [expr.await]: no co_await in a handler or a static local's initializer.
  bool TraverseCXXCatchStmt(const CXXCatchStmt *S) override {
    ++NoAwaitDepth;
    bool Continue = ConstDynamicRecursiveASTVisitor::TraverseCXXCatchStmt(S);
    --NoAwaitDepth;
    return Continue;
  }
  bool TraverseVarDecl(const VarDecl *D) override {
    NoAwaitDepth += D->isStaticLocal();
    bool Continue = ConstDynamicRecursiveASTVisitor::TraverseVarDecl(D);
    NoAwaitDepth -= D->isStaticLocal();
    return Continue;
  }

  // Only the captures' initialisers run here.
  bool TraverseLambdaExpr(const LambdaExpr *E) override {
    for (const Expr *Init : E->capture_inits())
      if (!TraverseStmt(Init))
        return false;
    return true;
  }
  bool TraverseDecl(const Decl *D) override {
    return isa_and_nonnull<TagDecl, FunctionDecl>(D) ||
           ConstDynamicRecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseTypeLoc(TypeLoc, bool) override { return true; }
  bool
  TraverseUnaryExprOrTypeTraitExpr(const UnaryExprOrTypeTraitExpr *) override {
    return true;
  }
  bool TraverseCXXNoexceptExpr(const CXXNoexceptExpr *) override {
    return true;
  }
  bool TraverseRequiresExpr(const RequiresExpr *) override { return true; }
  bool TraverseCXXTypeidExpr(const CXXTypeidExpr *E) override {
    return !E->isPotentiallyEvaluated() ||
           ConstDynamicRecursiveASTVisitor::TraverseCXXTypeidExpr(E);
  }

private:
  OnCall Report;
  unsigned NoAwaitDepth = 0;
};

/// CallExpr::getBeginLoc() is not virtual: through a CallExpr pointer, an
/// operator() call would start at its parenthesis.
SourceLocation beginOf(const CallExpr &Call) {
  return Call.getSourceRange().getBegin();
}

bool anyInMacro(std::initializer_list<SourceLocation> Locs) {
  return llvm::any_of(Locs, [](SourceLocation L) { return L.isMacroID(); });
}

/// `co_await X` for `SyncWait(X)` when X is a task of the framework whose
/// coroutine makes the call.
std::vector<FixItHint> awaitTaskFix(const CallExpr &Call, StringRef Name,
                                    const FunctionDecl &Coroutine,
                                    bool PostfixOperand,
                                    const ASTContext &Context) {
  unsigned AwaitedIndex =
      isa<CXXOperatorCallExpr>(Call) ? 1 : 0; // 0 is the object
  if (Call.getNumArgs() != AwaitedIndex + 1)
    return {};
  const Expr &Awaited = *Call.getArg(AwaitedIndex);
  auto IsTask = [Name](QualType Type) {
    std::string Template = templateName(Type);
    return awaitsFrameworkTask(Name, Template);
  };
  if (!IsTask(Coroutine.getReturnType()) || !IsTask(Awaited.getType()) ||
      anyInMacro({beginOf(Call), Call.getEndLoc(), Awaited.getBeginLoc(),
                  Awaited.getEndLoc()}))
    return {};
  std::string Operand =
      Lexer::getSourceText(
          CharSourceRange::getTokenRange(Awaited.getSourceRange()),
          Context.getSourceManager(), Context.getLangOpts())
          .str();
  if (helpers::needsParensAsCoAwaitOperand(Awaited))
    Operand = "(" + Operand + ")";
  std::string Await = "co_await " + Operand;
  if (PostfixOperand) // `sync_wait(t).x` -> `(co_await t).x`
    Await = "(" + Await + ")";
  return {FixItHint::CreateReplacement(Call.getSourceRange(), Await)};
}

const Expr *asWritten(const Expr &E) {
  return E.IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
}

/// `co_await Op(..., use_awaitable)` for `Op(..., use_future).get()` in an
/// Asio awaitable: same result, same exception, without blocking.
std::vector<FixItHint> useAwaitableFix(const CXXMemberCallExpr &Get,
                                       const CallExpr &Operation,
                                       const FunctionDecl &Coroutine,
                                       bool PostfixOperand,
                                       ASTContext &Context) {
  if (Get.getMethodDecl()->getName() != "get")
    return {};
  const DeclRefExpr *Token = nullptr;
  for (const Expr *Arg : Operation.arguments()) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreImplicit());
    const IdentifierInfo *Id = Ref ? Ref->getDecl()->getIdentifier() : nullptr;
    if (Id && Id->isStr("use_future"))
      Token = Ref;
  }
  if (!Token)
    return {};
  const DeclContext *Asio = Token->getDecl()->getDeclContext();
  DeclContextLookupResult UseAwaitable =
      Asio->lookup(&Context.Idents.get("use_awaitable"));
  // co_await in awaitable<T, Executor> takes only awaitables of the same
  // executor type; use_awaitable produces the default one.
  const auto *Awaitable = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Coroutine.getReturnType()->getAsCXXRecordDecl());
  if (UseAwaitable.empty() || !Awaitable ||
      Awaitable->getName() != "awaitable" ||
      !Awaitable->getDeclContext()->Equals(Asio) ||
      Awaitable->getTemplateArgs().size() != 2)
    return {};
  const auto *Executor =
      Awaitable->getTemplateArgs()[1].getAsType()->getAsCXXRecordDecl();
  if (!Executor || Executor->getName() != "any_io_executor")
    return {};

  const SourceManager &SM = Context.getSourceManager();
  SourceLocation ObjectEnd =
      Lexer::getLocForEndOfToken(Get.getImplicitObjectArgument()->getEndLoc(),
                                 0, SM, Context.getLangOpts());
  SourceLocation GetEnd =
      Lexer::getLocForEndOfToken(Get.getEndLoc(), 0, SM, Context.getLangOpts());
  if (ObjectEnd.isInvalid() || GetEnd.isInvalid() ||
      anyInMacro({Get.getBeginLoc(), Get.getEndLoc(), Token->getBeginLoc(),
                  Token->getEndLoc()}))
    return {};
  std::vector<FixItHint> Fixes;
  Fixes.push_back(FixItHint::CreateInsertion(
      Get.getBeginLoc(), PostfixOperand ? "(co_await " : "co_await "));
  Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(ObjectEnd, GetEnd),
      PostfixOperand ? ")" : ""));
  // Spelled like the token: `net::use_future` -> `net::use_awaitable`.
  if (Token->hasQualifier())
    Fixes.push_back(FixItHint::CreateReplacement(
        Token->getNameInfo().getSourceRange(), "use_awaitable"));
  else
    Fixes.push_back(FixItHint::CreateReplacement(
        Token->getSourceRange(), helpers::displayName(*UseAwaitable.front())));
  return Fixes;
}

} // namespace

NestedEventLoopCheck::NestedEventLoopCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckQt(Options.get("CheckQt", true)),
      EventLoopFunctions(Options, "EventLoopFunctions",
                         loopCallNames(frameworks::selected(CheckQt)),
                         loopCallNames(frameworks::all())),
      MaxCallDepth(Options.get("MaxCallDepth", 3U)) {}

void NestedEventLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  EventLoopFunctions.store(Options, Opts);
  Options.store(Opts, "CheckQt", CheckQt);
  Options.store(Opts, "MaxCallDepth", MaxCallDepth);
}

void NestedEventLoopCheck::registerMatchers(MatchFinder *Finder) {
  // The kept catalogue loop calls made in Form.
  auto Kept = [this](frameworks::CallForm Form) {
    std::vector<StringRef> Names;
    for (const frameworks::LoopCall &Call :
         loopCalls(frameworks::selected(CheckQt)))
      if ((Call.Form == Form || Call.Form == frameworks::CallForm::Both) &&
          EventLoopFunctions.keeps(Call.Name))
        Names.push_back(Call.Name);
    return Names;
  };
  // The project's own loops may be functions or function objects.
  auto Listed = [this](ArrayRef<StringRef> Builtin,
                       llvm::StringSet<> &Unqualified) {
    std::vector<StringRef> Names(Builtin.begin(), Builtin.end());
    llvm::append_range(Names, EventLoopFunctions.userNames());
    for (StringRef Name : Names) {
      auto [Scope, Last] = Name.rsplit("::");
      StringRef Unscoped = Last.empty() ? Scope : Last;
      Unqualified.insert(Unscoped);
      ListsOperators |= !isValidAsciiIdentifier(Unscoped); // "operator()"
    }
    return hasAnyName(Names);
  };
  auto LoopObject = varDecl(Listed(Kept(frameworks::CallForm::FunctionObject),
                                   LoopObjectNames))
                        .bind("loop-object");
  auto RunsLoop = callExpr(anyOf(
      cxxOperatorCallExpr(
          hasOverloadedOperatorName("()"),
          hasArgument(0, ignoringParenImpCasts(declRefExpr(to(LoopObject))))),
      callee(functionDecl(
          Listed(Kept(frameworks::CallForm::Function), LoopFunctionNames)))));
  auto WaitsOnLoop =
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName(FutureWaits))),
          // A temporary future is bound to a CXXBindTemporaryExpr,
          // which on() does not look through.
          on(ignoringImplicit(matchers::eventLoopFuture())))
          .bind("future-wait");
  for (StringRef Wait : FutureWaits)
    LoopFunctionNames.insert(Wait);
  LoopCallMatcher = callExpr(unless(isExpansionInSystemHeader()),
                             anyOf(RunsLoop, WaitsOnLoop),
                             callee(functionDecl().bind("loop-function")))
                        .bind("loop-call");

  Finder->addMatcher(
      functionDecl(matchers::isCoroutine(), unless(isExpansionInSystemHeader()))
          .bind("coroutine"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(
          hasDeclaration(
              cxxConstructorDecl(ofClass(hasAnyName(frameworks::collect(
                  frameworks::all(), &frameworks::Framework::Threads))))),
          hasArgument(0, expr().bind("thread-entry"))),
      this);
}

void NestedEventLoopCheck::check(const MatchFinder::MatchResult &Result) {
  AST =
      Result
          .Context; // set before the end of the TU needs it: it has a coroutine
  if (const auto *Coroutine =
          Result.Nodes.getNodeAs<FunctionDecl>("coroutine")) {
    Coroutines.insert(Coroutine->getCanonicalDecl());
    return;
  }
  const Expr *Function =
      asWritten(*Result.Nodes.getNodeAs<Expr>("thread-entry"));
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(Function);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    Function = AddressOf->getSubExpr()->IgnoreParens();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Function))
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
      ThreadEntries.insert(F->getCanonicalDecl());
}

/// The loop Call runs or waits for, if it is one (Where and Depth unset).
std::optional<NestedEventLoopCheck::LoopCall>
NestedEventLoopCheck::asLoopCall(const CallExpr &Call) {
  // Names first: the full matcher is worth trying on few calls.
  auto IsListed = [this](const NamedDecl *D, const llvm::StringSet<> &Names) {
    if (!D)
      return false;
    if (const IdentifierInfo *Name = D->getIdentifier())
      return Names.contains(Name->getName());
    return ListsOperators && Names.contains(D->getNameAsString());
  };
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  const auto *Object =
      Operator && Operator->getOperator() == OO_Call
          ? dyn_cast<DeclRefExpr>(Operator->getArg(0)->IgnoreParenImpCasts())
          : nullptr;
  if (!(Object && IsListed(Object->getDecl(), LoopObjectNames)) &&
      !IsListed(Call.getDirectCallee(), LoopFunctionNames))
    return std::nullopt;
  SmallVector<BoundNodes, 1> Matches = match(*LoopCallMatcher, Call, *AST);
  if (Matches.empty())
    return std::nullopt;
  const BoundNodes &Nodes = Matches.front();
  LoopCall Loop{
      &Call, "", Nodes.getNodeAs<CXXMemberCallExpr>("future-wait"), {}, 0};
  if (Loop.FutureWait) {
    // wait() belongs to a base class in libstdc++; name the future type.
    const Expr *Future =
        Loop.FutureWait->getImplicitObjectArgument()->IgnoreParenImpCasts();
    Loop.Name = templateName(Future->getType()) +
                "::" + Loop.FutureWait->getMethodDecl()->getNameAsString();
  } else if (const auto *Object = Nodes.getNodeAs<VarDecl>("loop-object")) {
    Loop.Name = helpers::displayName(*Object);
  } else {
    Loop.Name =
        helpers::displayName(*Nodes.getNodeAs<FunctionDecl>("loop-function"));
  }
  return Loop;
}

/// Breadth first from all coroutines at once: every function is reached
/// once, by its shortest chain, so recursion terminates, and each reached
/// body is walked once for its loop calls and its calls onwards.
void NestedEventLoopCheck::findLoopCalls() {
  const SourceManager &SM = AST->getSourceManager();
  std::vector<const FunctionDecl *> Queue(Coroutines.begin(), Coroutines.end());
  for (const FunctionDecl *Coroutine : Coroutines)
    Reached.try_emplace(Coroutine, Reach{nullptr, nullptr, 0});
  for (size_t I = 0; I < Queue.size(); ++I) {
    const FunctionDecl *Caller = Queue[I];
    const unsigned Depth = Reached.lookup(Caller).Depth;
    const FunctionDecl *Definition = nullptr;
    // Frameworks run their loops on purpose; their code is not ours to walk.
    if (!Caller->hasBody(Definition) ||
        SM.isInSystemHeader(SM.getExpansionLoc(Definition->getBeginLoc())))
      continue;
    auto Visit = [&](const CallExpr &Call, bool AwaitAllowed) {
      if (std::optional<LoopCall> Loop = asLoopCall(Call)) {
        // A death test runs its statement in a child process, not in this loop.
        if (!helpers::isInDeathTestStatement(Call.getBeginLoc(), SM,
                                             AST->getLangOpts())) {
          Loop->Where = {Caller, AwaitAllowed};
          Loop->Depth = Depth;
          LoopCalls.push_back(std::move(*Loop));
        }
        // The call is the finding (or deliberately none): the loop function's
        // implementation runs its loop on purpose, it is not a second one.
        return;
      }
      const FunctionDecl *Callee = Call.getDirectCallee();
      if (Depth < MaxCallDepth && Callee && Callee->hasBody() &&
          !ThreadEntries.contains(Callee->getCanonicalDecl()) &&
          Reached
              .try_emplace(Callee->getCanonicalDecl(),
                           Reach{Caller, &Call, Depth + 1})
              .second)
        Queue.push_back(Callee->getCanonicalDecl());
    };
    // Constructors are never reached: a construction is not a CallExpr.
    BodyWalker(Visit).TraverseStmt(Definition->getBody());
  }
}

void NestedEventLoopCheck::onEndOfTranslationUnit() {
  if (!Coroutines.empty())
    findLoopCalls();

  // One diagnostic per call site, though template instantiations repeat it:
  // the one closest to a coroutine (found first, breadth first).
  llvm::MapVector<SourceLocation, const LoopCall *> Findings;
  for (const LoopCall &Loop : LoopCalls)
    Findings.try_emplace(beginOf(*Loop.Call), &Loop);
  // A function that runs a loop is reported there; its waits on futures
  // would repeat the finding (and mostly follow run(), when they are ready).
  llvm::SmallPtrSet<const FunctionDecl *, 8> RunsLoop;
  for (const auto &[Loc, Loop] : Findings)
    if (!Loop->FutureWait)
      RunsLoop.insert(Loop->Where.Caller);
  for (const auto &[Loc, Loop] : Findings)
    if (!Loop->FutureWait || !RunsLoop.contains(Loop->Where.Caller))
      diagnose(*Loop);

  Coroutines.clear();
  ThreadEntries.clear();
  Reached.clear();
  LoopCalls.clear();
  Parents = helpers::ParentIndex();
}

std::vector<FixItHint>
NestedEventLoopCheck::fixesFor(const LoopCall &Loop,
                               const FunctionDecl &Coroutine,
                               SourceLocation &FutureOrigin) {
  const bool PostfixOperand =
      helpers::needsParensAroundCoAwait(*Loop.Call, Parents.forContext(*AST));
  if (!Loop.FutureWait)
    return awaitTaskFix(*Loop.Call, Loop.Name, Coroutine, PostfixOperand, *AST);
  const Expr *Future = asWritten(*Loop.FutureWait->getImplicitObjectArgument());
  if (const auto *Operation = dyn_cast<CallExpr>(Future))
    return useAwaitableFix(*Loop.FutureWait, *Operation, Coroutine,
                           PostfixOperand, *AST);
  // A future variable: in an Asio coroutine, the call that made it is what
  // to change.
  std::string Kind = templateName(Coroutine.getReturnType());
  const auto *Ref = dyn_cast<DeclRefExpr>(Future);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (Var && Var->getInit() && frameworks::Asio.hasTask(Kind))
    FutureOrigin = Var->getInit()->getBeginLoc();
  return {};
}

void NestedEventLoopCheck::diagnose(const LoopCall &Loop) {
  const Placement &Where = Loop.Where;
  unsigned Depth = Loop.Depth;
  // Fixes only directly in a coroutine, where co_await is allowed, and not
  // in a template instantiation, whose text other instantiations share.
  const FunctionDecl &Caller = *Where.Caller->getDefinition();
  std::vector<FixItHint> Fixes;
  SourceLocation FutureOrigin;
  if (Depth == 0 && Where.AwaitAllowed && !Caller.isTemplateInstantiation())
    Fixes = fixesFor(Loop, Caller, FutureOrigin);
  {
    // Which function blocks: the coroutine itself, or one it calls.
    const unsigned Blocked = Depth == 0 ? 0 : isLambda(Caller) ? 2 : 1;
    auto Diag =
        diag(beginOf(*Loop.Call),
             Loop.FutureWait
                 ? "'%0' blocks %select{a coroutine|'%2', which a coroutine "
                   "calls,|a "
                   "lambda, which a coroutine calls,}1 on a future that an "
                   "event loop "
                   "fulfils, and with it the event loop running the coroutine"
                 : "'%0' runs an event loop inside %select{a coroutine|'%2', "
                   "which a "
                   "coroutine calls|a lambda, which a coroutine calls}1; the "
                   "event loop "
                   "running the coroutine is blocked until it returns")
        << Loop.Name << Blocked << helpers::displayName(Caller);
    for (const FixItHint &Fix : Fixes)
      Diag << Fix;
  }
  if (Loop.FutureWait)
    diag(beginOf(*Loop.Call),
         "the coroutine deadlocks if that event loop is the one that must "
         "fulfil the future",
         DiagnosticIDs::Note);
  if (FutureOrigin.isValid())
    diag(FutureOrigin,
         "the future comes from here; pass 'use_awaitable' instead of "
         "'use_future' and "
         "'co_await' this call",
         DiagnosticIDs::Note);

  // The chain, from the coroutine to the function that runs the loop.
  SmallVector<std::pair<const FunctionDecl *, Reach>> Hops;
  for (const FunctionDecl *F = Where.Caller; Depth > 0; --Depth) {
    Reach Hop = Reached.lookup(F);
    Hops.emplace_back(F, Hop);
    F = Hop.Caller;
  }
  for (const auto &[Callee, Hop] : llvm::reverse(Hops))
    diag(beginOf(*Hop.Call),
         "%select{'%1'|coroutine '%1'|a lambda|a coroutine lambda}0 calls "
         "%select{'%3'|a "
         "lambda}2 here",
         DiagnosticIDs::Note)
        << (isLambda(*Hop.Caller) * 2 + (Hop.Depth == 1))
        << helpers::displayName(*Hop.Caller) << isLambda(*Callee)
        << helpers::displayName(*Callee);
}

} // namespace clang::tidy::async

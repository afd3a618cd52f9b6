//===- DetachedTaskCheck.cpp - async-detached-task ===//
#include "DetachedTaskCheck.h"
#include "frameworks/Asio.h"
#include "frameworks/Registry.h"
#include "utils/DiscardedValue.h"
#include "utils/DisplayName.h"
#include "utils/QualifiedLookup.h"
#include "utils/TemplateOf.h"
#include "utils/UnevaluatedOperand.h"

#include "clang-tidy/utils/Matchers.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

// What becomes of the detached work's exception: the %select index of the
// warning's second clause.
unsigned fateIndex(frameworks::DetachedFailure Failure) {
  switch (Failure) {
  case frameworks::DetachedFailure::Dropped:
    return 0;
  case frameworks::DetachedFailure::PrintedAndRethrown:
    return 1;
  case frameworks::DetachedFailure::Terminates:
    return 2;
  }
  return 0;
}

/// A lambda callback that never looks at its (Try) argument, so the outcome
/// of the task it is given to, an exception included, goes nowhere.
AST_MATCHER(LambdaExpr, ignoresItsArgument) {
  const CXXMethodDecl *CallOperator = Node.getCallOperator();
  return CallOperator && CallOperator->getNumParams() > 0 &&
         !CallOperator->getParamDecl(0)->isReferenced();
}

/// Whether Type is a specialisation of one of Framework's task templates
/// (corio::task<int> of corio's).
bool isTaskOf(QualType Type, const frameworks::Framework &Framework) {
  const TemplateDecl *Template = helpers::templateOf(Type);
  return Template && Framework.hasTask(Template->getQualifiedNameAsString());
}

bool isTaskGroup(QualType Type) {
  const CXXRecordDecl *Class = Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Class &&
         llvm::any_of(frameworks::Corio.TaskGroups, [&](StringRef Group) {
           return Class->getQualifiedNameAsString() ==
                  frameworks::spelled(Group);
         });
}

/// The innermost corio::task_group (object or reference) that code at Call
/// can name: a local declared before it in an enclosing block, or else a
/// parameter of the coroutine.
const VarDecl *taskGroupInScope(const Stmt &Call, const FunctionDecl &Coroutine,
                                helpers::ParentIndex &Index) {
  const Stmt *Current = &Call;
  while (true) {
    const DynTypedNodeList Parents = Index.get(*Current);
    if (Parents.size() != 1)
      break;
    const auto *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      break;
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      const VarDecl *Latest = nullptr;
      for (const Stmt *S : Block->body()) {
        if (S == Current)
          break;
        if (const auto *Decls = dyn_cast<DeclStmt>(S))
          for (const Decl *D : Decls->decls())
            if (const auto *Var = dyn_cast<VarDecl>(D);
                Var && isTaskGroup(Var->getType()))
              Latest = Var;
      }
      if (Latest)
        return Latest;
    }
    Current = Parent;
  }
  for (const ParmVarDecl *Param : Coroutine.parameters())
    if (isTaskGroup(Param->getType()))
      return Param;
  return nullptr;
}

/// The argument that names the corio::task handed to co_spawn, if it is one.
const Expr *corioTaskArgument(const CallExpr &CoSpawn) {
  if (CoSpawn.getNumArgs() < 2)
    return nullptr;
  const Expr *Written = CoSpawn.getArg(1);
  const Expr *Inner = Written->IgnoreImplicit();
  if (const auto *Conversion = dyn_cast<CXXConstructExpr>(Inner);
      Conversion && Conversion->getNumArgs() == 1)
    Inner = Conversion->getArg(0)->IgnoreImplicit();
  return isTaskOf(Inner->getType(), frameworks::Corio) ? Written : nullptr;
}

bool isAsioAwaitable(QualType Type) { return isTaskOf(Type, frameworks::Asio); }

/// The argument handed to co_spawn if it is Asio coroutine code that
/// corio::from_asio adopts: an awaitable, or a lambda that returns one.
const Expr *asioAwaitableArgument(const CallExpr &CoSpawn) {
  if (CoSpawn.getNumArgs() < 2)
    return nullptr;
  const Expr *Written = CoSpawn.getArg(1);
  const QualType Type = Written->IgnoreImplicit()->getType();
  if (isAsioAwaitable(Type))
    return Written;
  const CXXRecordDecl *Class = Type.getNonReferenceType()->getAsCXXRecordDecl();
  const CXXMethodDecl *Call =
      Class && Class->isLambda() ? Class->getLambdaCallOperator() : nullptr;
  return Call && isAsioAwaitable(Call->getReturnType()) ? Written : nullptr;
}

/// Whether Class is an Asio execution context (io_context, thread_pool...),
/// which co_spawn accepts in place of an executor and from_asio does not.
bool isExecutionContext(const CXXRecordDecl &Class) {
  if (llvm::is_contained(frameworks::inEachAsioNamespace("execution_context"),
                         "::" + Class.getQualifiedNameAsString()))
    return true;
  const CXXRecordDecl *Definition = Class.getDefinition();
  if (!Definition)
    return false;
  return llvm::any_of(Definition->bases(), [](const CXXBaseSpecifier &Base) {
    const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl();
    return BaseClass && isExecutionContext(*BaseClass);
  });
}

/// The source text of co_spawn's first argument as an executor.
std::string executorText(const Expr &Arg, const SourceManager &SM,
                         const LangOptions &LangOpts) {
  const std::string Text =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Arg.getSourceRange()),
                           SM, LangOpts)
          .str();
  const CXXRecordDecl *Class =
      Arg.getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || !isExecutionContext(*Class))
    return Text;
  const Expr *Inner = Arg.IgnoreImplicit();
  if (isa<DeclRefExpr, MemberExpr, CallExpr, ParenExpr>(Inner))
    return Text + ".get_executor()";
  return "(" + Text + ").get_executor()";
}

bool isInMacro(const Expr &E) {
  return E.getBeginLoc().isMacroID() || E.getEndLoc().isMacroID();
}

bool isRecordNamed(QualType Type, ArrayRef<StringRef> Classes) {
  const CXXRecordDecl *Class = Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Class &&
         llvm::is_contained(Classes, "::" + Class->getQualifiedNameAsString());
}

/// The expression without the casts and std::forward/std::move calls that
/// pass a parameter on unchanged.
const Expr *forwarded(const Expr &E) {
  const Expr *Inner = E.IgnoreImplicit()->IgnoreParens();
  while (true) {
    if (const auto *Cast = dyn_cast<CXXNamedCastExpr>(Inner))
      Inner = Cast->getSubExpr();
    else if (const auto *Call = dyn_cast<CallExpr>(Inner);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             Call->getDirectCallee()->isInStdNamespace() &&
             llvm::is_contained({"forward", "move"},
                                Call->getDirectCallee()->getName()))
      Inner = Call->getArg(0);
    else
      return Inner;
    Inner = Inner->IgnoreImplicit()->IgnoreParens();
  }
}

/// Whether \p Call, in an instantiation of a function template of the same
/// name (Asio's co_spawn(ExecutionContext&, ...) calling co_spawn(Executor,
/// ...)), passes on the token its caller gave it: the finding is the
/// caller's, reported at the caller's call.
bool forwardsCallersToken(const CallExpr &Call, const FunctionDecl &Callable,
                          ArrayRef<StringRef> TokenClasses) {
  const FunctionDecl *Pattern = Callable.getTemplateInstantiationPattern();
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Pattern || !Callee || Callable.getDeclName() != Callee->getDeclName())
    return false;
  return llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
    const auto *Ref = dyn_cast<DeclRefExpr>(forwarded(*Arg));
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (!Param || Param->getDeclContext() != &Callable ||
        !isRecordNamed(Param->getType(), TokenClasses))
      return false;
    unsigned Index = Param->getFunctionScopeIndex();
    return Index < Pattern->getNumParams() &&
           Pattern->getParamDecl(Index)->getType()->isDependentType();
  });
}

/// Which call leaves which work unjoined: the %select index of the warning's
/// first clause.
unsigned detachIndex(StringRef Kind) {
  return llvm::StringSwitch<unsigned>(Kind)
      .Case("spawn", 0)
      .Case("detach", 1)
      .Case("future", 2)
      .Case("callback", 3)
      .Default(4);
}

/// The names DetachingFunctions lists Call by: its spawning functions, or
/// Class::member for each of its classes.
std::vector<std::string> detachingNames(const frameworks::DetachingCall &Call) {
  if (Call.Kind == frameworks::DetachKind::SpawnWithDetachedToken)
    return {Call.Functions.begin(), Call.Functions.end()};
  std::vector<std::string> Names;
  for (StringRef Class : Call.Classes)
    Names.push_back((Class + "::" + Call.Callee).str());
  return Names;
}

/// The names of the Frameworks' detaching calls, each once.
std::vector<std::string>
detachingNames(ArrayRef<const frameworks::Framework *> Frameworks) {
  std::vector<std::string> Names;
  for (const frameworks::DetachingCall &Call :
       frameworks::collect(Frameworks, &frameworks::Framework::DetachingCalls))
    for (std::string &Name : detachingNames(Call))
      if (!llvm::is_contained(Names, Name))
        Names.push_back(std::move(Name));
  return Names;
}

/// Names as CatalogueList takes them (it copies what it keeps).
std::vector<StringRef> refs(const std::vector<std::string> &Names) {
  return {Names.begin(), Names.end()};
}

} // namespace

DetachedTaskCheck::DetachedTaskCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckAsio(Options.get("CheckAsio", true)),
      CheckStdThread(Options.get("CheckStdThread", true)),
      CheckFolly(Options.get("CheckFolly", true)),
      CheckCobalt(Options.get("CheckCobalt", true)),
      CheckAsyncSimple(Options.get("CheckAsyncSimple", true)),
      CheckLibcoro(Options.get("CheckLibcoro", true)),
      DetachingFunctions(Options, "DetachingFunctions",
                         refs(detachingNames(selectedFrameworks())),
                         refs(detachingNames(frameworks::all()))),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void DetachedTaskCheck::registerPPCallbacks(const SourceManager &,
                                            Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void DetachedTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CheckAsio", CheckAsio);
  Options.store(Opts, "CheckStdThread", CheckStdThread);
  Options.store(Opts, "CheckFolly", CheckFolly);
  Options.store(Opts, "CheckCobalt", CheckCobalt);
  Options.store(Opts, "CheckAsyncSimple", CheckAsyncSimple);
  Options.store(Opts, "CheckLibcoro", CheckLibcoro);
  DetachingFunctions.store(Options, Opts);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

std::vector<const frameworks::Framework *>
DetachedTaskCheck::selectedFrameworks() const {
  return frameworks::enabled({{CheckAsio, &frameworks::Asio},
                              {CheckStdThread, &frameworks::Std},
                              {CheckFolly, &frameworks::Folly},
                              {CheckCobalt, &frameworks::Cobalt},
                              {CheckAsyncSimple, &frameworks::AsyncSimple},
                              {CheckLibcoro, &frameworks::Libcoro}});
}

void DetachedTaskCheck::registerMatchers(MatchFinder *Finder) {
  auto ClassNamed = [](std::vector<StringRef> Names) {
    return cxxRecordDecl(hasAnyName(Names));
  };
  auto OfClass = [](auto ClassMatcher) {
    return hasUnqualifiedDesugaredType(
        recordType(hasDeclaration(ClassMatcher)));
  };
  auto SpawnWithToken = [&](auto SpawnNames, auto TokenClass) {
    return callExpr(callee(functionDecl(SpawnNames)),
                    hasAnyArgument(expr(hasType(OfClass(TokenClass)))));
  };
  // The object's type through any sugar (std::move's remove_reference<>::type)
  // or pointer (unique_ptr<thread>::operator->).
  auto OnObjectOf = [&](auto ObjectClass) {
    return on(anyOf(hasType(OfClass(ObjectClass)),
                    hasType(pointsTo(OfClass(ObjectClass)))));
  };
  auto MemberCall = [&](auto MethodNames, auto ObjectClass) {
    return cxxMemberCallExpr(callee(cxxMethodDecl(MethodNames)),
                             OnObjectOf(ObjectClass));
  };
  auto StartWithIgnoringCallback = [&](auto ObjectClass) {
    return cxxMemberCallExpr(
        callee(cxxMethodDecl(hasName("start"))), OnObjectOf(ObjectClass),
        hasArgument(0, ignoringImplicit(lambdaExpr(ignoresItsArgument()))));
  };
  auto Names = [](ArrayRef<StringRef> Qualified) {
    return std::vector<StringRef>(Qualified);
  };
  for (const frameworks::Framework *Framework : selectedFrameworks()) {
    for (const frameworks::DetachingCall &Call : Framework->DetachingCalls) {
      // The spawning functions, or the classes, DetachingFunctions keeps.
      std::vector<StringRef> Kept;
      if (Call.Kind == frameworks::DetachKind::SpawnWithDetachedToken)
        Kept = DetachingFunctions.kept(Call.Functions);
      else
        llvm::copy_if(Call.Classes, std::back_inserter(Kept),
                      [&](StringRef Class) {
                        return DetachingFunctions.keeps(
                            (Class + "::" + Call.Callee).str());
                      });
      if (Kept.empty())
        continue;
      auto Objects =
          ClassNamed(Call.Kind == frameworks::DetachKind::SpawnWithDetachedToken
                         ? Names(Call.Classes)
                         : Kept);
      auto Method = hasName(Call.Callee);
      auto Add = [&](StringRef Kind, StatementMatcher Matcher) {
        Patterns.push_back({Kind, Call.Callee, std::move(Matcher), Framework,
                            Call.Classes, Call.Failure});
      };
      switch (Call.Kind) {
      case frameworks::DetachKind::SpawnWithDetachedToken:
        Add("spawn", SpawnWithToken(hasAnyName(Kept), Objects));
        break;
      case frameworks::DetachKind::ThreadDetach:
        Add("thread", MemberCall(Method, Objects));
        break;
      case frameworks::DetachKind::DetachMember:
        Add("detach", MemberCall(Method, Objects));
        break;
      case frameworks::DetachKind::DroppedStartFuture:
        Add("future",
            cxxMemberCallExpr(MemberCall(Method, Objects), argumentCountIs(0)));
        break;
      case frameworks::DetachKind::IgnoredStartCallback:
        Add("callback", StartWithIgnoringCallback(Objects));
        break;
      }
    }
  }
  // Every call is a candidate only by its callee's name, the one test cheap
  // enough for every call of the translation unit; the patterns for that
  // name are tried on the few that pass it.
  std::vector<StringRef> Callees;
  for (const Pattern &P : Patterns)
    Callees.push_back(P.Callee);
  if (!Callees.empty())
    Finder->addMatcher(
        callExpr(callee(functionDecl(hasAnyName(Callees)).bind("callee")))
            .bind("candidate"),
        this);
  if (!DetachingFunctions.userNames().empty()) {
    auto ListedFunction =
        functionDecl(::clang::tidy::matchers::matchesAnyListedRegexName(
            DetachingFunctions.userNames()));
    Finder->addMatcher(
        callExpr(callee(ListedFunction.bind("callee"))).bind("listed"), this);
  }
}

/// The detaching pattern Call follows, if any.
const DetachedTaskCheck::Pattern *
DetachedTaskCheck::patternOf(const CallExpr &Call, const FunctionDecl &Callee,
                             ASTContext &Ctx) const {
  for (const Pattern &P : Patterns)
    if (Callee.getName() == P.Callee && !match(P.Matcher, Call, Ctx).empty())
      return &P;
  return nullptr;
}

void DetachedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Nodes = Result.Nodes;
  const SourceManager &SM = *Result.SourceManager;
  const auto *Listed = Nodes.getNodeAs<CallExpr>("listed");
  const CallExpr *Call =
      Listed ? Listed : Nodes.getNodeAs<CallExpr>("candidate");
  // Not inside system headers: the standard library and frameworks detach
  // on purpose.
  if (SM.isInSystemHeader(SM.getExpansionLoc(Call->getBeginLoc())))
    return;
  const auto &CalleeDecl = *Nodes.getNodeAs<FunctionDecl>("callee");
  const Pattern *Followed =
      Listed ? nullptr : patternOf(*Call, CalleeDecl, *Result.Context);
  if (!Listed && !Followed)
    return;
  const StringRef Kind = Listed ? "listed" : Followed->Kind;
  // Parents of the call's own top-level declaration only: mapping the whole
  // TU would cost more than the check.
  helpers::ParentIndex &Parents = this->Parents.forContext(*Result.Context);
  const FunctionDecl *Callable = helpers::enclosingCallable(*Call, Parents);
  // Templates are checked through their instantiations, once per location.
  if (Callable && Callable->isDependentContext())
    return;
  if (isInUnevaluatedOperand(*Call, Parents))
    return;
  if (Kind == "future" &&
      helpers::valueUse(*Call, Parents) == helpers::ValueUse::Used)
    return;
  if (Kind == "spawn" && Callable &&
      forwardsCallersToken(*Call, *Callable, Followed->Classes))
    return;
  if (!Reported.insert(Call->getExprLoc()).second)
    return;

  const std::string Callee = helpers::displayName(CalleeDecl);
  if (Kind == "thread") {
    // An exception escaping a thread terminates the program; what detach
    // gives up is the join, the stop and the bound on its lifetime.
    diag(Call->getExprLoc(),
         "'%0' leaves the thread running with nobody to join it")
        << Callee;
    diag(Call->getExprLoc(),
         "nobody learns whether it finished, it cannot be stopped, and it "
         "may outlive the objects it references",
         DiagnosticIDs::Note);
  } else {
    // A function listed by the user: nothing says where its exception goes.
    const frameworks::DetachedFailure Failure =
        Followed ? Followed->Failure : frameworks::DetachedFailure::Dropped;
    diag(Call->getExprLoc(), "%select{'%1' with the detached token starts a "
                             "coroutine that nobody joins|'%1' "
                             "detaches the coroutine, so nobody joins it|the "
                             "future returned by '%1' is discarded, "
                             "so nobody joins the task|the callback passed to "
                             "'%1' ignores its 'Try' argument, so "
                             "nobody sees how the task ends|'%1' (listed in "
                             "DetachingFunctions) starts work that "
                             "nobody joins}0; its exception %select{is "
                             "silently dropped|is printed and rethrown into "
                             "whichever thread resumes it, not to the "
                             "caller|terminates the program}2")
        << detachIndex(Kind) << Callee << fateIndex(Failure);
    diag(Call->getExprLoc(),
         "it cannot be cancelled with its caller, and it may outlive the "
         "objects it references",
         DiagnosticIDs::Note);
  }

  if (Callable && isa_and_nonnull<CoroutineBodyStmt>(Callable->getBody()) &&
      isTaskOf(Callable->getReturnType(), frameworks::Corio))
    noteTaskGroup(*Call, *Callable,
                  Kind == "spawn" && Followed->Framework == &frameworks::Asio,
                  Parents);
}

/// In a corio::task coroutine the structured replacement is a task_group;
/// for co_spawn of a corio::task, or of Asio coroutine code (adopted with
/// corio::from_asio), with a group at hand, say exactly how.
void DetachedTaskCheck::noteTaskGroup(const CallExpr &Call,
                                      const FunctionDecl &Coroutine,
                                      bool IsCoSpawn,
                                      helpers::ParentIndex &Parents) {
  ASTContext &Ctx = Parents.context();
  const VarDecl *Group =
      IsCoSpawn ? taskGroupInScope(Call, Coroutine, Parents) : nullptr;
  const Expr *Task = Group ? corioTaskArgument(Call) : nullptr;
  const Expr *Awaitable =
      Group && !Task ? asioAwaitableArgument(Call) : nullptr;
  const Expr *Spawned = Task ? Task : Awaitable;
  if (!Spawned || isInMacro(Call) || isInMacro(*Spawned) ||
      isInMacro(*Call.getArg(0))) {
    diag(Call.getExprLoc(),
         "spawn it on a 'corio::task_group' instead: the group joins it, "
         "rethrows its exception and cancels it with the enclosing task",
         DiagnosticIDs::Note);
    return;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  const auto TextOf = [&](const Expr &E) {
    return Lexer::getSourceText(
               CharSourceRange::getTokenRange(E.getSourceRange()), SM,
               Ctx.getLangOpts())
        .str();
  };
  std::string Child = TextOf(*Spawned);
  if (Awaitable)
    Child = "corio::from_asio(" +
            executorText(*Call.getArg(0), SM, Ctx.getLangOpts()) + ", " +
            Child + ")";
  auto Note =
      diag(Call.getExprLoc(),
           "%select{|adopt it with 'corio::from_asio' and }0spawn it on the "
           "'corio::task_group' '%1' instead: the group joins it, rethrows its "
           "exception and cancels it with the enclosing task",
           DiagnosticIDs::Note)
      << (Awaitable != nullptr) << Group->getName()
      << FixItHint::CreateReplacement(
             Call.getSourceRange(),
             (Group->getName() + ".spawn(" + Child + ")").str());
  if (Awaitable &&
      !helpers::isDeclaredBefore("corio::from_asio", Call.getBeginLoc(), Ctx))
    if (std::optional<FixItHint> Include = Inserter.createIncludeInsertion(
            SM.getFileID(Call.getBeginLoc()), "<corio/asio.hpp>"))
      Note << *Include;
}

} // namespace clang::tidy::async

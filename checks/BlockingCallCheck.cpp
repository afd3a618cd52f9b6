//===- BlockingCallCheck.cpp - async-blocking-call ------------------------===//
#include "BlockingCallCheck.h"
#include "frameworks/Registry.h"
#include "utils/CoAwaitAllowed.h"
#include "utils/CoAwaitParens.h"
#include "utils/CoroutineMatchers.h"
#include "utils/DiscardedValue.h"
#include "utils/DisplayName.h"
#include "utils/EventLoopFuture.h"
#include "utils/NonBlockingDescriptor.h"
#include "utils/QualifiedLookup.h"
#include "utils/UnevaluatedOperand.h"

#include "clang-tidy/utils/Matchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

/// Printed in the warning; each category but Listed has an option switching
/// it off. The order is the warning's %select.
enum class Category { Sleep, SyncWait, Lock, FileIO, Console, Network, Listed };

/// A family of blocking functions. Its matcher binds the call to Id.
struct BlockingApi {
  StringRef Id;
  Category Kind;
  /// The format of the note naming the non-blocking alternative, when no
  /// fix-it applies; Asio's take the async_* counterpart's scope (%0) and
  /// name (%1).
  StringRef Alternative;
  /// Whether `co_await corio::to_thread([&] { <call>; })` keeps the meaning.
  /// Not for locks and condition variables: they belong to the thread that
  /// locked, so moving the call to a worker would break the pairing.
  bool MovableToThread;
};

constexpr StringRef ToThread =
    "run it on a worker thread with corio::to_thread";

constexpr StringRef AsioAlternative =
    "co_await '%0::async_%1' with use_awaitable instead";

constexpr BlockingApi Catalogue[] = {
    {"sleep", Category::Sleep,
     "co_await a timer instead (corio::sleep_for, asio::steady_timer::"
     "async_wait); it suspends only this coroutine",
     false},
    {"future", Category::SyncWait,
     "co_await the operation that fulfils the future instead, or wait on a "
     "worker thread with corio::to_thread",
     true},
    {"thread-join", Category::SyncWait,
     "run the work as a child task (corio::task_group) instead, or join on a "
     "worker thread with corio::to_thread",
     true},
    {"condition-wait", Category::SyncWait,
     "co_await an event instead (corio::event)", false},
    {"semaphore-acquire", Category::SyncWait,
     "co_await an asynchronous semaphore instead (corio::semaphore)", true},
    {"latch-wait", Category::SyncWait,
     "co_await an event or a task group instead (corio::event, "
     "corio::task_group)",
     true},
    {"atomic-wait", Category::SyncWait,
     "co_await an event instead (corio::event)", true},
    {"mutex-lock", Category::Lock,
     "co_await an asynchronous lock instead (corio::semaphore with one unit)",
     false},
    {"file-io", Category::FileIO, ToThread, true},
    {"console", Category::Console, ToThread, true},
    {"asio-member", Category::Network, AsioAlternative, true},
    {"asio-free", Category::Network, AsioAlternative, true},
    {"posix-socket", Category::Network,
     "use asynchronous sockets instead (Asio's async_* operations with "
     "use_awaitable)",
     true},
    {"name-resolution", Category::Network,
     "co_await a resolver's async_resolve with use_awaitable instead", true},
    {"curl", Category::Network,
     "drive the transfer from the event loop with curl's multi interface "
     "instead",
     true},
    // A Qt object belongs to its thread: its waits cannot move to a worker.
    {"qt-wait", Category::SyncWait,
     "co_await the same event with QCoro instead "
     "(qCoro(object).waitForFinished(), "
     "qCoro(socket).waitForConnected(), qCoro(thread).waitForFinished())",
     false},
    {"listed", Category::Listed, ToThread, true},
};

const BlockingApi &matchedApi(const BoundNodes &Nodes) {
  for (const BlockingApi &Api : Catalogue)
    if (Nodes.getNodeAs<Expr>(Api.Id))
      return Api;
  llvm_unreachable("every blocking-call matcher binds a catalogue id");
}

/// Matches a function, or the member or function template it was
/// instantiated from, so listed names can leave out template arguments
/// ("mylib::Pool::get" for mylib::Pool<int>::get).
AST_MATCHER_P(FunctionDecl, isOrInstantiatedFrom,
              ast_matchers::internal::Matcher<FunctionDecl>, Inner) {
  if (Inner.matches(Node, Finder, Builder))
    return true;
  const FunctionDecl *Pattern =
      Node.getTemplateInstantiationPattern(/*ForDefinition=*/false);
  return Pattern && Inner.matches(*Pattern, Finder, Builder);
}

ast_matchers::internal::Matcher<QualType>
recordNamed(ArrayRef<StringRef> Names) {
  return qualType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(cxxRecordDecl(hasAnyName(Names))))));
}

/// A call of one of \p Methods on an object of one of \p Classes. The
/// object's type decides, not the method's class: standard libraries declare
/// some of these in implementation bases (libstdc++'s
/// std::__basic_future::wait).
ast_matchers::internal::BindableMatcher<Stmt>
memberCallOn(ArrayRef<StringRef> Classes, ArrayRef<StringRef> Methods) {
  auto Class = qualType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
      cxxRecordDecl(hasAnyName(Classes)).bind("object-class")))));
  return cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(Methods))),
                           on(anyOf(hasType(Class), hasType(pointsTo(Class)))));
}

/// How the warning names the call.
std::string callName(const Expr &Call, const BoundNodes &Nodes) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    return helpers::displayName(*Construct->getConstructor()->getParent());
  const FunctionDecl *Callee = cast<CallExpr>(Call).getDirectCallee();
  if (const auto *Stream = Nodes.getNodeAs<VarDecl>("console-stream")) {
    if (isa<CXXOperatorCallExpr>(Call))
      return Stream->getQualifiedNameAsString() + " >>";
    if (isa<CXXMemberCallExpr>(Call))
      return Stream->getQualifiedNameAsString() + "." +
             Callee->getNameAsString();
  }
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    const auto *Class = Nodes.getNodeAs<CXXRecordDecl>("object-class");
    return helpers::displayName(Class ? *Class : *Method->getParent()) +
           "::" + Method->getNameAsString();
  }
  return Callee->getQualifiedNameAsString();
}

/// What the coroutine's return type says about the fix-its that fit it.
struct CoroutineFlavour {
  bool IsCorioTask = false;
  /// "boost::asio" or "asio" for an awaitable on Asio's default executor:
  /// the one whose use_awaitable token produces awaitables it can co_await.
  StringRef AsioNamespace;
};

CoroutineFlavour flavourOf(const FunctionDecl &Coroutine) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Coroutine.getReturnType()->getAsCXXRecordDecl());
  if (!Spec)
    return {};
  std::string Name = Spec->getQualifiedNameAsString();
  if (frameworks::Corio.hasTask(Name))
    return {true, ""};
  if (!frameworks::Asio.hasTask(Name))
    return {};
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() != 2 || Args[1].getKind() != TemplateArgument::Type)
    return {};
  const CXXRecordDecl *Executor = Args[1].getAsType()->getAsCXXRecordDecl();
  if (!Executor || Executor->getName() != "any_io_executor")
    return {};
  return {false,
          StringRef(Name).starts_with("boost::") ? "boost::asio" : "asio"};
}

/// Whether the duration this std::this_thread::sleep_for specialization takes
/// converts implicitly to std::chrono::nanoseconds (what corio::sleep_for and
/// Asio's steady_timer take): an integral count of a period that is a whole
/// number of nanoseconds.
bool convertsToNanoseconds(const FunctionDecl &SleepFor) {
  const TemplateArgumentList *Args = SleepFor.getTemplateSpecializationArgs();
  if (!Args || Args->size() != 2 ||
      Args->get(0).getKind() != TemplateArgument::Type ||
      Args->get(1).getKind() != TemplateArgument::Type ||
      !Args->get(0).getAsType()->isIntegralOrEnumerationType())
    return false;
  const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Args->get(1).getAsType()->getAsCXXRecordDecl());
  if (!Ratio || Ratio->getTemplateArgs().size() != 2)
    return false;
  const TemplateArgument &Num = Ratio->getTemplateArgs()[0];
  const TemplateArgument &Den = Ratio->getTemplateArgs()[1];
  if (Num.getKind() != TemplateArgument::Integral ||
      Den.getKind() != TemplateArgument::Integral)
    return false;
  // Num / Den seconds is a whole number of nanoseconds.
  __int128 Nanoseconds =
      static_cast<__int128>(Num.getAsIntegral().getExtValue()) * 1'000'000'000;
  int64_t Divisor = Den.getAsIntegral().getExtValue();
  return Divisor > 0 && Nanoseconds % Divisor == 0;
}

bool isForwardingReference(QualType Type) {
  const auto *Ref = Type->getAs<RValueReferenceType>();
  return Ref && !Ref->getPointeeType().hasQualifiers() &&
         Ref->getPointeeType()->getAs<TemplateTypeParmType>();
}

/// Whether the class of \p Sync declares async_<name> whose parameters are
/// the first \p NumArgs parameters of \p Sync followed by a completion token
/// (and only defaulted ones after it): then `x.name(args...)` means the same
/// as `co_await x.async_name(args..., use_awaitable)`. The error_code&
/// overloads have no such counterpart.
bool hasAsyncCounterpart(const CXXMethodDecl &Sync, unsigned NumArgs,
                         ASTContext &Context) {
  // A member template's parameters as declared, not as deduced.
  const FunctionDecl *Declared = &Sync;
  if (const FunctionTemplateDecl *Template = Sync.getPrimaryTemplate())
    Declared = Template->getTemplatedDecl();
  if (Declared->getNumParams() < NumArgs)
    return false;
  IdentifierInfo &AsyncName =
      Context.Idents.get(("async_" + Sync.getName()).str());
  for (const NamedDecl *Candidate : Sync.getParent()->lookup(&AsyncName)) {
    const FunctionDecl *Async = Candidate->getAsFunction();
    if (!Async || Async->getNumParams() <= NumArgs ||
        Async->getMinRequiredArguments() > NumArgs + 1 ||
        !isForwardingReference(Async->getParamDecl(NumArgs)->getType()))
      continue;
    unsigned Same = 0;
    while (Same < NumArgs &&
           Context.hasSameType(Declared->getParamDecl(Same)->getType(),
                               Async->getParamDecl(Same)->getType()))
      ++Same;
    if (Same == NumArgs)
      return true;
  }
  return false;
}

bool isInstantiation(TemplateSpecializationKind Kind) {
  return Kind == TSK_ImplicitInstantiation ||
         Kind == TSK_ExplicitInstantiationDeclaration ||
         Kind == TSK_ExplicitInstantiationDefinition;
}

/// Whether code in \p D belongs to a template instantiation: D or a function
/// or class around it was instantiated (what isInTemplateInstantiation()
/// asks of the parent map, answered from the declaration contexts).
bool isInTemplateInstantiation(const Decl &D) {
  for (const DeclContext *DC = isa<DeclContext>(D) ? cast<DeclContext>(&D)
                                                   : D.getDeclContext();
       DC; DC = DC->getParent()) {
    if (const auto *Function = dyn_cast<FunctionDecl>(DC);
        Function && isInstantiation(Function->getTemplateSpecializationKind()))
      return true;
    if (const auto *Class = dyn_cast<CXXRecordDecl>(DC);
        Class && isInstantiation(Class->getTemplateSpecializationKind()))
      return true;
  }
  return false;
}

bool containsSuspension(const Expr &E, ASTContext &Context) {
  return !match(expr(hasDescendant(stmt(anyOf(coawaitExpr(), coyieldExpr())))),
                E, Context)
              .empty();
}

/// Adds `#include Header` to \p Fix unless \p Name is declared already.
using IncludeAdder = llvm::function_ref<void(std::vector<FixItHint> &Fix,
                                             StringRef Name, StringRef Header)>;

SourceLocation endOf(SourceLocation Token, ASTContext &Context) {
  return Lexer::getLocForEndOfToken(Token, 0, Context.getSourceManager(),
                                    Context.getLangOpts());
}

/// `std::this_thread::sleep_for(d);` as a statement of its own becomes a
/// timer of the coroutine's framework.
std::vector<FixItHint> sleepFix(const CallExpr &Call,
                                const FunctionDecl &Callee,
                                const CoroutineFlavour &Flavour,
                                helpers::ParentIndex &Parents,
                                IncludeAdder AddInclude) {
  ASTContext &Context = Parents.context();
  std::vector<FixItHint> Fix;
  if (Callee.getQualifiedNameAsString() != "std::this_thread::sleep_for" ||
      !helpers::isExpressionStatement(Call, Parents) ||
      !convertsToNanoseconds(Callee) ||
      Call.getCallee()->getEndLoc().isMacroID())
    return Fix;
  CharSourceRange Name =
      CharSourceRange::getTokenRange(Call.getCallee()->getSourceRange());
  if (Flavour.IsCorioTask) {
    Fix.push_back(
        FixItHint::CreateReplacement(Name, "co_await corio::sleep_for"));
    AddInclude(Fix, "corio::sleep_for", "<corio/corio.hpp>");
  } else if (!Flavour.AsioNamespace.empty()) {
    // co_await NS::steady_timer(co_await NS::this_coro::executor, d)
    //     .async_wait(NS::use_awaitable)
    StringRef NS = Flavour.AsioNamespace;
    std::string Dir = NS == "asio" ? "<asio/" : "<boost/asio/";
    Fix.push_back(FixItHint::CreateReplacement(
        Name, ("co_await " + NS + "::steady_timer").str()));
    Fix.push_back(FixItHint::CreateInsertion(
        Context.getSourceManager().getExpansionLoc(
            Call.getArg(0)->getBeginLoc()),
        ("co_await " + NS + "::this_coro::executor, ").str()));
    Fix.push_back(FixItHint::CreateInsertion(
        endOf(Call.getRParenLoc(), Context),
        (".async_wait(" + NS + "::use_awaitable)").str()));
    AddInclude(Fix, (NS + "::steady_timer").str(), Dir + "steady_timer.hpp>");
    AddInclude(Fix, (NS + "::this_coro::executor").str(),
               Dir + "this_coro.hpp>");
    AddInclude(Fix, (NS + "::use_awaitable").str(), Dir + "use_awaitable.hpp>");
  }
  return Fix;
}

/// `x.name(args...)` becomes `co_await x.async_name(args...,
/// NS::use_awaitable)` when the class of x, in Asio namespace \p NS, has that
/// counterpart.
std::vector<FixItHint> asyncCounterpartFix(const CXXMemberCallExpr &Call,
                                           StringRef NS,
                                           helpers::ParentIndex &Parents,
                                           IncludeAdder AddInclude) {
  ASTContext &Context = Parents.context();
  std::vector<FixItHint> Fix;
  const CXXMethodDecl *Method = Call.getMethodDecl();
  const auto *Member = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  unsigned NumArgs = llvm::count_if(Call.arguments(), [](const Expr *Arg) {
    return !isa<CXXDefaultArgExpr>(Arg);
  });
  if (!Member || Member->getMemberLoc().isMacroID() ||
      !StringRef(helpers::displayName(*Method->getParent()))
           .starts_with((NS + "::").str()) ||
      !hasAsyncCounterpart(*Method, NumArgs, Context))
    return Fix;
  bool Parens = helpers::needsParensAroundCoAwait(Call, Parents);
  Fix.push_back(FixItHint::CreateInsertion(
      Call.getBeginLoc(), Parens ? "(co_await " : "co_await "));
  Fix.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Member->getMemberLoc()),
      ("async_" + Method->getName()).str()));
  Fix.push_back(FixItHint::CreateInsertion(
      Call.getRParenLoc(),
      ((NumArgs ? ", " : "") + NS + "::use_awaitable").str()));
  if (Parens)
    Fix.push_back(
        FixItHint::CreateInsertion(endOf(Call.getRParenLoc(), Context), ")"));
  AddInclude(Fix, (NS + "::use_awaitable").str(),
             NS == "asio" ? "<asio/use_awaitable.hpp>"
                          : "<boost/asio/use_awaitable.hpp>");
  return Fix;
}

/// `call;` becomes `co_await corio::to_thread([&] { call; });`.
std::vector<FixItHint> toThreadFix(const Expr &Call,
                                   helpers::ParentIndex &Parents,
                                   IncludeAdder AddInclude) {
  ASTContext &Context = Parents.context();
  std::vector<FixItHint> Fix;
  // A co_await in the arguments cannot move into the lambda.
  if (!helpers::isExpressionStatement(Call, Parents) ||
      containsSuspension(Call, Context))
    return Fix;
  Fix.push_back(FixItHint::CreateInsertion(Call.getBeginLoc(),
                                           "co_await corio::to_thread([&] { "));
  Fix.push_back(
      FixItHint::CreateInsertion(endOf(Call.getEndLoc(), Context), "; })"));
  AddInclude(Fix, "corio::to_thread", "<corio/corio.hpp>");
  return Fix;
}

/// Whether a POSIX call on a descriptor returns without waiting, by what the
/// coroutine shows about the descriptor (docs: "Non-blocking descriptors").
bool returnsWithoutWaiting(const CallExpr &Call, const FunctionDecl &Coroutine,
                           ASTContext &Context) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Call.getNumArgs() == 0 || !Coroutine.getBody())
    return false;
  StringRef Name = Callee->getName();
  const bool TakesFlags =
      llvm::is_contained({"recv", "send", "recvfrom", "sendto"}, Name);
  if (TakesFlags && Call.getNumArgs() >= 4 &&
      helpers::mentionsConstant(*Call.getArg(3), "MSG_DONTWAIT", Context))
    return true;
  if (!TakesFlags &&
      !llvm::is_contained({"connect", "accept", "read", "write"}, Name))
    return false;
  const helpers::DescriptorFacts Facts =
      helpers::factsAbout(*Call.getArg(0), *Coroutine.getBody(), Context);
  return Facts.NonBlocking || (Name == "connect" && Facts.Datagram) ||
         (Name == "write" && Facts.WakeUp);
}

/// The scope of the Asio call's async_* counterpart: the I/O object's class
/// for a member, the namespace for a free function.
std::string asioScopeOf(const FunctionDecl &Callee) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Callee))
    return helpers::displayName(*Method->getParent());
  return StringRef(Callee.getQualifiedNameAsString()).rsplit("::").first.str();
}

/// The catalogue functions BlockingFunctions names by default.
std::vector<StringRef>
blockingFunctions(ArrayRef<const frameworks::Framework *> Frameworks) {
  std::vector<StringRef> Names;
  for (ArrayRef<StringRef> frameworks::Framework::*List :
       {&frameworks::Framework::Sleeps, &frameworks::Framework::WaitFunctions,
        &frameworks::Framework::FileIoFunctions,
        &frameworks::Framework::PathFunctions,
        &frameworks::Framework::BlockingIoFunctions,
        &frameworks::Framework::ConsoleFunctions,
        &frameworks::Framework::SocketFunctions,
        &frameworks::Framework::NameResolutionFunctions,
        &frameworks::Framework::TransferFunctions})
    llvm::append_range(Names, frameworks::collect(Frameworks, List));
  return Names;
}

} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CheckSleep(Options.get("CheckSleep", true)),
      CheckSyncWait(Options.get("CheckSyncWait", true)),
      CheckLock(Options.get("CheckLock", false)),
      CheckFileIO(Options.get("CheckFileIO", true)),
      CheckConsole(Options.get("CheckConsole", true)),
      CheckNetwork(Options.get("CheckNetwork", true)),
      CheckQt(Options.get("CheckQt", true)),
      BlockingFunctions(Options, "BlockingFunctions",
                        blockingFunctions(frameworks::selected(CheckQt)),
                        blockingFunctions(frameworks::all())),
      AllowedFunctions(
          utils::options::parseStringList(Options.get("AllowedFunctions", ""))),
      WrapInToThread(Options.get("WrapInToThread", false)),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void BlockingCallCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CheckSleep", CheckSleep);
  Options.store(Opts, "CheckSyncWait", CheckSyncWait);
  Options.store(Opts, "CheckLock", CheckLock);
  Options.store(Opts, "CheckFileIO", CheckFileIO);
  Options.store(Opts, "CheckConsole", CheckConsole);
  Options.store(Opts, "CheckNetwork", CheckNetwork);
  Options.store(Opts, "CheckQt", CheckQt);
  BlockingFunctions.store(Options, Opts);
  Options.store(Opts, "AllowedFunctions",
                utils::options::serializeStringList(AllowedFunctions));
  Options.store(Opts, "WrapInToThread", WrapInToThread);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void BlockingCallCheck::registerPPCallbacks(const SourceManager &,
                                            Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  const std::vector<const frameworks::Framework *> Selected =
      frameworks::selected(CheckQt);
  auto Catalogued =
      [&Selected](ArrayRef<StringRef> frameworks::Framework::*List) {
        return frameworks::collect(Selected, List);
      };
  std::vector<const frameworks::Framework *> SelectedC, SelectedCxx;
  for (const frameworks::Framework *F : Selected)
    (F->CLinkage ? SelectedC : SelectedCxx).push_back(F);
  // The catalogue functions of one list that BlockingFunctions keeps; a C
  // library's only where declared extern "C".
  auto Listed = [&](ArrayRef<StringRef> frameworks::Framework::*List) {
    return functionDecl(
        anyOf(hasAnyName(BlockingFunctions.kept(
                  frameworks::collect(SelectedCxx, List))),
              allOf(isExternC(), hasAnyName(BlockingFunctions.kept(
                                     frameworks::collect(SelectedC, List))))));
  };
  auto CallsListed = [&](ArrayRef<StringRef> frameworks::Framework::*List) {
    return callExpr(callee(Listed(List)));
  };
  auto Allowed = functionDecl(isOrInstantiatedFrom(
      tidy::matchers::matchesAnyListedRegexName(AllowedFunctions)));
  // Anchored on the coroutine, walking down its own body (not into nested
  // lambdas): no parent map is needed to find the enclosing callable.
  auto InCoroutine = [](const auto &Statements) {
    return functionDecl(matchers::isCoroutine(),
                        unless(isExpansionInSystemHeader()),
                        matchers::forEachStmtInBody(Statements))
        .bind("coroutine");
  };
  auto AddCalls = [&](const auto &Calls) {
    Finder->addMatcher(
        InCoroutine(callExpr(Calls, unless(callee(Allowed))).bind("call")),
        this);
  };
  auto AddConstructions = [&](const auto &Constructions) {
    Finder->addMatcher(
        InCoroutine(
            cxxConstructExpr(Constructions, unless(hasDeclaration(Allowed)))
                .bind("call")),
        this);
  };

  if (CheckSleep)
    AddCalls(CallsListed(&frameworks::Framework::Sleeps).bind("sleep"));

  if (CheckSyncWait)
    AddCalls(anyOf(
        // async-nested-event-loop reports waits on a future the event loop
        // itself fulfils.
        cxxMemberCallExpr(
            memberCallOn(Catalogued(&frameworks::Framework::Futures),
                         {"get", "wait", "wait_for", "wait_until"}),
            unless(on(matchers::eventLoopFuture())))
            .bind("future"),
        memberCallOn(Catalogued(&frameworks::Framework::Threads), {"join"})
            .bind("thread-join"),
        // timed_wait: Boost.Thread's older spelling of wait_for/wait_until.
        memberCallOn(Catalogued(&frameworks::Framework::ConditionVariables),
                     {"wait", "wait_for", "wait_until", "timed_wait"})
            .bind("condition-wait"),
        memberCallOn(Catalogued(&frameworks::Framework::Semaphores),
                     {"acquire"})
            .bind("semaphore-acquire"),
        memberCallOn(Catalogued(&frameworks::Framework::Latches),
                     {"wait", "arrive_and_wait"})
            .bind("latch-wait"),
        stmt(anyOf(memberCallOn(Catalogued(&frameworks::Framework::Atomics),
                                {"wait"}),
                   CallsListed(&frameworks::Framework::WaitFunctions)))
            .bind("atomic-wait")));

  if (CheckLock) {
    auto LockOverStdMutex = qualType(hasUnqualifiedDesugaredType(
        recordType(hasDeclaration(classTemplateSpecializationDecl(
            hasAnyName("::std::unique_lock", "::std::shared_lock"),
            hasTemplateArgument(
                0, refersToType(recordNamed(frameworks::Std.Mutexes))))))));
    AddCalls(
        stmt(anyOf(
                 memberCallOn(frameworks::Std.Mutexes, {"lock", "lock_shared"}),
                 cxxMemberCallExpr(callee(cxxMethodDecl(hasName("lock"))),
                                   on(hasType(LockOverStdMutex))),
                 callExpr(callee(functionDecl(hasName("::std::lock"))),
                          hasAnyArgument(expr(hasType(qualType(
                              anyOf(recordNamed(frameworks::Std.Mutexes),
                                    LockOverStdMutex))))))))
            .bind("mutex-lock"));
    // Constructing a lock over a standard mutex, unless a tag says the lock
    // is deferred, tried or adopted.
    AddConstructions(
        cxxConstructExpr(
            hasDeclaration(cxxConstructorDecl(ofClass(hasAnyName(
                std::vector<StringRef>(frameworks::Std.LockGuards))))),
            hasAnyArgument(expr(hasType(recordNamed(frameworks::Std.Mutexes)))),
            unless(hasAnyArgument(expr(hasType(
                recordNamed({"::std::defer_lock_t", "::std::try_to_lock_t",
                             "::std::adopt_lock_t"}))))))
            .bind("mutex-lock"));
  }

  if (CheckFileIO) {
    auto PathParameter = hasParameter(
        0, parmVarDecl(
               hasType(references(recordNamed({"::std::filesystem::path"})))));
    AddCalls(
        stmt(anyOf(memberCallOn(Catalogued(&frameworks::Framework::FileStreams),
                                {"open"}),
                   // Flushing the console (fflush(stdout)) belongs with
                   // console output, which is left alone.
                   callExpr(
                       callee(Listed(&frameworks::Framework::FileIoFunctions)),
                       unless(hasArgument(
                           0, ignoringParenImpCasts(declRefExpr(to(varDecl(
                                  hasAnyName("::stdout", "::stderr")))))))),
                   // The filesystem operations that touch the disk, in their
                   // overloads taking a path (is_directory(file_status) only
                   // inspects a value).
                   callExpr(callee(functionDecl(
                       PathParameter,
                       Listed(&frameworks::Framework::PathFunctions))))))
            .bind("file-io"));
    AddConstructions(
        cxxConstructExpr(
            hasDeclaration(cxxConstructorDecl(anyOf(
                // Opening a file stream, not default-constructing or moving.
                allOf(ofClass(hasAnyName(
                          Catalogued(&frameworks::Framework::FileStreams))),
                      unless(anyOf(isDefaultConstructor(), isCopyConstructor(),
                                   isMoveConstructor()))),
                allOf(ofClass(hasAnyName(Catalogued(
                          &frameworks::Framework::DirectoryIterators))),
                      PathParameter)))))
            .bind("file-io"));
  }

  if (CheckConsole) {
    auto StdCin = ignoringParenImpCasts(declRefExpr(to(
        varDecl(hasAnyName(Catalogued(&frameworks::Framework::ConsoleStreams)))
            .bind("console-stream"))));
    AddCalls(
        stmt(anyOf(cxxOperatorCallExpr(hasOverloadedOperatorName(">>"),
                                       hasArgument(0, StdCin)),
                   callExpr(callee(functionDecl(hasName("::std::getline"))),
                            hasArgument(0, StdCin)),
                   cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(
                                         "get", "getline", "read", "ignore"))),
                                     on(StdCin)),
                   CallsListed(&frameworks::Framework::ConsoleFunctions)))
            .bind("console"));
  }

  if (CheckNetwork) {
    AddCalls(anyOf(
        cxxMemberCallExpr(
            callee(cxxMethodDecl(hasAnyName(std::vector<StringRef>(
                                     frameworks::Asio.BlockingIoMembers)),
                                 ofClass(hasAnyName(std::vector<StringRef>(
                                     frameworks::Asio.IoObjects))))))
            .bind("asio-member"),
        CallsListed(&frameworks::Framework::BlockingIoFunctions)
            .bind("asio-free"),
        CallsListed(&frameworks::Framework::SocketFunctions)
            .bind("posix-socket"),
        CallsListed(&frameworks::Framework::NameResolutionFunctions)
            .bind("name-resolution"),
        CallsListed(&frameworks::Framework::TransferFunctions).bind("curl")));
  }

  if (CheckQt && CheckSyncWait)
    AddCalls(cxxMemberCallExpr(
                 callee(cxxMethodDecl(hasAnyName(std::vector<StringRef>(
                                          frameworks::Qt.BlockingIoMembers)),
                                      ofClass(hasAnyName(std::vector<StringRef>(
                                          frameworks::Qt.IoObjects))))))
                 .bind("qt-wait"));

  if (!BlockingFunctions.userNames().empty())
    AddCalls(callExpr(callee(functionDecl(isOrInstantiatedFrom(
                          tidy::matchers::matchesAnyListedRegexName(
                              BlockingFunctions.userNames())))))
                 .bind("listed"));
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<Expr>("call");
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  ASTContext &Context = *Result.Context;
  // Everything below that walks up from the call stays inside the coroutine
  // and its enclosing top-level declaration.
  helpers::ParentIndex &Parents = this->Parents.forContext(Context);
  // A template is checked through its instantiations, and each location is
  // reported once however often it is instantiated.
  if (Coroutine->isTemplated() || isInUnevaluatedOperand(*Call, Parents) ||
      !Reported.insert(Call->getExprLoc()).second)
    return;

  const BlockingApi &Api = matchedApi(Result.Nodes);
  const CoroutineFlavour Flavour = flavourOf(*Coroutine);
  const auto *FunctionCall = dyn_cast<CallExpr>(Call);
  if ((Api.Id == "posix-socket" || Api.Id == "file-io") && FunctionCall &&
      FunctionCall->getDirectCallee() &&
      FunctionCall->getDirectCallee()->isExternC() &&
      returnsWithoutWaiting(*FunctionCall, *Coroutine, Context))
    return;
  const FunctionDecl *Callee =
      FunctionCall ? FunctionCall->getDirectCallee() : nullptr;
  const SourceLocation Loc = Call->getBeginLoc();
  auto AddInclude = [&](std::vector<FixItHint> &Fix, StringRef Name,
                        StringRef Header) {
    if (!helpers::isDeclaredBefore(Name, Loc, Context))
      if (std::optional<FixItHint> Include = Inserter.createIncludeInsertion(
              Context.getSourceManager().getFileID(Loc), Header))
        Fix.push_back(*Include);
  };

  // No fix-its in macros, nor in template instantiations (a fix there would
  // have to fit every instantiation, and only the first one is reported),
  // nor where co_await is not allowed.
  const bool Fixable = Loc.isFileID() && Call->getEndLoc().isFileID() &&
                       !isInTemplateInstantiation(*Coroutine) &&
                       isCoAwaitAllowedAt(*Call, Parents);
  std::vector<FixItHint> Fix, Wrap;
  if (Fixable && Api.Id == "sleep")
    Fix = sleepFix(*FunctionCall, *Callee, Flavour, Parents, AddInclude);
  if (Fixable && Api.Id == "asio-member" && !Flavour.AsioNamespace.empty())
    Fix = asyncCounterpartFix(*cast<CXXMemberCallExpr>(Call),
                              Flavour.AsioNamespace, Parents, AddInclude);
  // As a note's fix (WrapInToThread off), the corio::to_thread wrap comes
  // only where corio::to_thread is declared already: the include inserter
  // adds a header once per file, and --fix would apply it with a warning's
  // fix but not with a note's.
  if (Fixable && Fix.empty() && Flavour.IsCorioTask && Api.MovableToThread &&
      (WrapInToThread ||
       helpers::isDeclaredBefore("corio::to_thread", Loc, Context)))
    Wrap = toThreadFix(*Call, Parents, AddInclude);

  {
    auto Diag =
        diag(
            Loc,
            "'%0' blocks the event loop's thread (%select{sleep|sync-wait|lock|"
            "file-io|console|network|listed in BlockingFunctions}1), stalling "
            "every other task on it")
        << callName(*Call, Result.Nodes) << static_cast<unsigned>(Api.Kind);
    if (!Fix.empty())
      Diag << Fix;
    else if (WrapInToThread)
      Diag << Wrap;
  }
  if (!Fix.empty() || (WrapInToThread && !Wrap.empty()))
    return;
  if (!Wrap.empty())
    diag(Loc, "move the call to a worker thread with 'corio::to_thread'",
         DiagnosticIDs::Note)
        << Wrap;
  else if (Api.Id == "asio-member" || Api.Id == "asio-free")
    diag(Loc, Api.Alternative, DiagnosticIDs::Note)
        << asioScopeOf(*Callee) << Callee->getNameAsString();
  else
    diag(Loc, Api.Alternative, DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

//===- UnstructuredGatherCheck.cpp - async-unstructured-gather ------------===//
//
// asyncio.gather() in new code is the first thing structured concurrency
// forbids: when one task fails the others run on, and failures after the
// first vanish. C++ frameworks have the same split between combinators that
// cancel the rest (folly collectAll, cobalt join, Asio's && and
// wait_for_one_error, stdexec when_all) and those that do not. For the
// latter, the results are where the failures are: dropping them drops the
// failures.
//
//===----------------------------------------------------------------------===//
#include "UnstructuredGatherCheck.h"
#include "frameworks/AsioMatchers.h"
#include "frameworks/Registry.h"
#include "utils/AncestorInCallable.h"
#include "utils/DiscardedValue.h"
#include "utils/TemplateOf.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

using Failures = UnstructuredGatherCheck::Failures;

/// Asio's combinator that cancels nothing: a parallel group waited on with
/// wait_for_all().
UnstructuredGatherCheck::Combinator asioWaitForAll() {
  const frameworks::Combinator &Entry = frameworks::Asio.Combinators.front();
  return {Entry.Name.str(), Entry.What, Entry.Structured};
}

/// The expression under the temporaries, copies and parentheses that carry
/// a prvalue to where it is used.
const Expr *carried(const Expr *E) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() != 1 ||
        !Construct->getConstructor() ||
        !(Construct->getConstructor()->isCopyOrMoveConstructor()))
      return E;
    E = Construct->getArg(0);
  }
}

/// The co_await whose operand is Call, if any. The operand is also a child
/// of the awaiter expressions Sema builds from it, so it has more than one
/// parent.
const CoawaitExpr *awaitOf(const Expr &Call, helpers::ParentIndex &Parents) {
  llvm::SmallVector<const Stmt *, 4> Pending = {&Call};
  while (!Pending.empty()) {
    const Stmt *Current = Pending.pop_back_val();
    for (const DynTypedNode &Up : Parents.get(*Current)) {
      const auto *Parent = Up.get<Expr>();
      if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(Parent);
          Await && carried(Await->getOperand()) == &Call)
        return Await;
      if (isa_and_nonnull<MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                          ImplicitCastExpr, ParenExpr, CXXConstructExpr>(
              Parent))
        Pending.push_back(Parent);
    }
  }
  return nullptr;
}

/// Whether the value of Await is dropped: a statement of its own, a cast to
/// void, or the initializer of a variable (or structured binding) that is
/// never read.
bool isDiscarded(const CoawaitExpr &Await, helpers::ParentIndex &Parents) {
  if (helpers::valueUse(Await, Parents) != helpers::ValueUse::Used)
    return true;
  const Stmt *Current = &Await;
  while (true) {
    const DynTypedNodeList Up = Parents.get(*Current);
    if (Up.size() != 1)
      return false;
    if (const auto *Var = Up[0].get<VarDecl>()) {
      if (const auto *Bindings = dyn_cast<DecompositionDecl>(Var))
        return llvm::none_of(Bindings->bindings(), [](const BindingDecl *B) {
          return B->isReferenced();
        });
      return !Var->isReferenced() && !Var->getType()->isReferenceType();
    }
    const auto *Parent = Up[0].get<Expr>();
    if (!Parent ||
        !isa<FullExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             ImplicitCastExpr, ParenExpr, CXXConstructExpr>(Parent))
      return false;
    Current = Parent;
  }
}

bool returnsCorioTask(const FunctionDecl &Function) {
  const TemplateDecl *Template = helpers::templateOf(Function.getReturnType());
  return Template &&
         frameworks::Corio.hasTask(Template->getQualifiedNameAsString());
}

/// The Frameworks' combinators that leave failures unhandled, by name:
/// Combinators' default.
std::vector<StringRef>
combinatorNames(ArrayRef<const frameworks::Framework *> Frameworks) {
  std::vector<StringRef> Names;
  for (const frameworks::Combinator &Entry :
       frameworks::collect(Frameworks, &frameworks::Framework::Combinators))
    if (Entry.What != Failures::CancelsOthers)
      Names.push_back(Entry.Name);
  return Names;
}

} // namespace

std::vector<const frameworks::Framework *>
UnstructuredGatherCheck::namedFrameworks() const {
  return frameworks::enabled({{CheckCppcoro, &frameworks::Cppcoro},
                              {CheckFolly, &frameworks::Folly},
                              {CheckAsyncSimple, &frameworks::AsyncSimple},
                              {CheckCobalt, &frameworks::Cobalt},
                              {CheckLibcoro, &frameworks::Libcoro}});
}

UnstructuredGatherCheck::UnstructuredGatherCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CheckCppcoro(Options.get("CheckCppcoro", true)),
      CheckFolly(Options.get("CheckFolly", true)),
      CheckAsyncSimple(Options.get("CheckAsyncSimple", true)),
      CheckCobalt(Options.get("CheckCobalt", true)),
      CheckAsio(Options.get("CheckAsio", true)),
      CheckLibcoro(Options.get("CheckLibcoro", true)),
      StrictMode(Options.get("StrictMode", false)),
      CombinatorNames(Options, "Combinators",
                      combinatorNames(namedFrameworks()),
                      combinatorNames(frameworks::all())),
      AsioWaitForAll(asioWaitForAll()) {
  // Asio's parallel group is found by its member async_wait (below), the
  // others by the combinator's name.
  for (const frameworks::Framework *Framework : namedFrameworks())
    for (const frameworks::Combinator &Entry : Framework->Combinators)
      if (Entry.What != Failures::CancelsOthers &&
          CombinatorNames.keeps(Entry.Name))
        Combinators.push_back({frameworks::spelled(Entry.Name).str(),
                               Entry.What, Entry.Structured});
  for (StringRef Listed : CombinatorNames.userNames())
    Combinators.push_back({Listed.ltrim(':').str(), Failures::Collected, ""});
}

void UnstructuredGatherCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CheckCppcoro", CheckCppcoro);
  Options.store(Opts, "CheckFolly", CheckFolly);
  Options.store(Opts, "CheckAsyncSimple", CheckAsyncSimple);
  Options.store(Opts, "CheckCobalt", CheckCobalt);
  Options.store(Opts, "CheckAsio", CheckAsio);
  Options.store(Opts, "CheckLibcoro", CheckLibcoro);
  Options.store(Opts, "StrictMode", StrictMode);
  CombinatorNames.store(Options, Opts);
}

void UnstructuredGatherCheck::registerMatchers(MatchFinder *Finder) {
  // Every call is tried by its callee's unqualified name only, the one test
  // cheap enough for every call of the TU; check() compares the qualified
  // name for the few that pass.
  std::vector<StringRef> Names;
  for (const Combinator &Entry : Combinators) {
    const StringRef Name = Entry.Name;
    const size_t Colons = Name.rfind("::");
    Names.push_back(Colons == StringRef::npos ? Name : Name.substr(Colons + 2));
  }
  if (!Names.empty())
    Finder->addMatcher(callExpr(callee(functionDecl(hasAnyName(Names))),
                                unless(isExpansionInSystemHeader()))
                           .bind("call"),
                       this);
  if (CheckAsio) {
    auto ClassNamed = [](StringRef Name) {
      return cxxRecordDecl(
          frameworks::asioNamed(("experimental::" + Name).str()));
    };
    Finder->addMatcher(
        cxxMemberCallExpr(
            callee(cxxMethodDecl(
                hasName("async_wait"),
                ofClass(anyOf(ClassNamed("parallel_group"),
                              ClassNamed("ranged_parallel_group"))))),
            hasArgument(0, expr(hasType(hasUnqualifiedDesugaredType(recordType(
                               hasDeclaration(ClassNamed("wait_for_all"))))))),
            unless(isExpansionInSystemHeader()))
            .bind("asio-call"),
        this);
  }
}

const UnstructuredGatherCheck::Combinator *
UnstructuredGatherCheck::combinatorOf(const Expr &Call) const {
  const auto *Callee =
      dyn_cast_or_null<FunctionDecl>(cast<CallExpr>(Call).getCalleeDecl());
  if (!Callee)
    return nullptr;
  const std::string Name = Callee->getQualifiedNameAsString();
  for (const Combinator &Entry : Combinators)
    if (Entry.Name == Name)
      return &Entry;
  return nullptr;
}

void UnstructuredGatherCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *AsioCall = Result.Nodes.getNodeAs<Expr>("asio-call");
  const Expr *Call = AsioCall ? AsioCall : Result.Nodes.getNodeAs<Expr>("call");
  const Combinator *Entry = AsioCall ? &AsioWaitForAll : combinatorOf(*Call);
  if (!Entry)
    return;
  helpers::ParentIndex &Parents = this->Parents.forContext(*Result.Context);
  const FunctionDecl *Callable = helpers::enclosingCallable(*Call, Parents);
  // Templates are checked through their instantiations, once per location.
  if (Callable && Callable->isDependentContext())
    return;
  const CoawaitExpr *Await = awaitOf(*Call, Parents);
  const bool Discarded = Await && isDiscarded(*Await, Parents);
  if ((!Discarded && !StrictMode) ||
      !Reported.insert(Call->getExprLoc()).second)
    return;

  const SourceLocation Loc = Call->getExprLoc();
  if (Discarded)
    diag(Loc, "%select{the results of '%1' are discarded, and with them the "
              "failures of its "
              "tasks|the results of '%1' are discarded; it reports only the "
              "first failure of "
              "its tasks|the result of '%1' is discarded, and with it the "
              "failure of the task "
              "that finished first}0")
        << static_cast<int>(Entry->What) << Entry->Name;
  else
    diag(Loc, "'%0' does not cancel the other tasks when one fails")
        << Entry->Name;
  diag(Loc,
       "%select{it waits for every task and cancels none when one fails; each "
       "failure stays in "
       "its task's result|it waits for every task and cancels none when one "
       "fails; it rethrows "
       "the first failure and drops the others|it returns when the first task "
       "finishes; the "
       "others keep running, detached, and their failures are dropped}0",
       DiagnosticIDs::Note)
      << static_cast<int>(Entry->What);
  if (Callable && isa_and_nonnull<CoroutineBodyStmt>(Callable->getBody()) &&
      returnsCorioTask(*Callable))
    diag(Loc,
         "spawn the tasks in 'corio::with_task_group' instead: it cancels the "
         "others when one "
         "fails and reports every failure in a 'corio::exception_group'",
         DiagnosticIDs::Note);
  else if (!Entry->Structured.empty())
    diag(Loc, "use %0 instead, which cancels the other tasks when one fails",
         DiagnosticIDs::Note)
        << Entry->Structured;
  else
    diag(Loc, "keep the results and inspect each of them", DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

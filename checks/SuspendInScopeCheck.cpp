//===- SuspendInScopeCheck.cpp - async-suspend-in-scope ===//
//
// A coroutine that suspends lets other tasks run on its thread and may resume
// on another thread; a co_yield also runs the generator's consumer. A lock
// guard, a timeout scope or a thread-affine object alive across that point
// breaks. Each such local is followed through the coroutine body's CFG (so an
// unlock(), a move or a closed block on every path clears it) and reported at
// the suspensions it may still be held at. A mutex locked by hand, m.lock()
// ... m.unlock(), is followed the same way from each lock() call.
//
//===----------------------------------------------------------------------===//
#include "SuspendInScopeCheck.h"
#include "frameworks/Registry.h"
#include "utils/BodyCFG.h"
#include "utils/CoroutineMatchers.h"

#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/StringSwitch.h"

#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

/// What kind of object must not stay alive across a suspension.
enum class GuardKind { Lock, Scope, ThreadAffine };

/// Matches a class marked [[clang::annotate("corio::scope")]].
AST_MATCHER(CXXRecordDecl, isAnnotatedScope) {
  auto IsScope = [](const Decl *D) {
    return llvm::any_of(D->specific_attrs<AnnotateAttr>(),
                        [](const AnnotateAttr *A) {
                          return A->getAnnotation() == "corio::scope";
                        });
  };
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Node))
    return IsScope(Spec) ||
           IsScope(Spec->getSpecializedTemplate()->getTemplatedDecl());
  return IsScope(&Node);
}

/// Matches a specialization one of whose type arguments (packs flattened,
/// for std::scoped_lock<M...>) matches Inner.
AST_MATCHER_P(ClassTemplateSpecializationDecl, hasAnyTypeArgument,
              ast_matchers::internal::Matcher<QualType>, Inner) {
  for (const TemplateArgument &Arg : Node.getTemplateArgs().asArray()) {
    ArrayRef<TemplateArgument> Flat = Arg.getKind() == TemplateArgument::Pack
                                          ? Arg.pack_elements()
                                          : ArrayRef(Arg);
    for (const TemplateArgument &A : Flat)
      if (A.getKind() == TemplateArgument::Type &&
          Inner.matches(A.getAsType(), Finder, Builder))
        return true;
  }
  return false;
}

/// The %select index of a GuardKind in the diagnostics.
unsigned kindIndex(GuardKind Kind) { return static_cast<unsigned>(Kind); }

/// One tracked local (or lock parameter) of a coroutine.
struct Guard {
  const VarDecl &Var;
  GuardKind Kind;
};

/// What one CFG element does to a guard.
enum class Effect { None, Hold, Release };

bool refersTo(const Expr *E, const VarDecl &Var) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref && Ref->getDecl() == &Var;
}

/// A guard whose value is the result of a co_await came from an async mutex
/// (coroutine-aware, whatever its name): its lock was awaited, not blocked on.
bool isAwaited(const Expr &Value) {
  const Expr *E = Value.IgnoreImplicit()->IgnoreParens();
  // `std::unique_lock<M> lock(co_await m.co_scoped_lock())` moves the
  // awaited guard; `std::lock_guard<M> guard(co_await mutex_for(x))` only
  // awaited which mutex to block on.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getConstructor()->isCopyOrMoveConstructor())
    E = Construct->getArg(0)->IgnoreImplicit()->IgnoreParens();
  return isa<CoawaitExpr>(E);
}

/// A unique_lock built without a mutex or with defer_lock owns nothing yet.
bool holdsOnDeclaration(const Guard &G) {
  if (G.Kind != GuardKind::Lock || !G.Var.getInit())
    return true;
  const auto *Construct =
      dyn_cast<CXXConstructExpr>(G.Var.getInit()->IgnoreImplicit());
  if (!Construct)
    return true;
  if (Construct->getNumArgs() == 0)
    return false;
  return llvm::none_of(Construct->arguments(), [](const Expr *Arg) {
    const auto *Tag = Arg->getType()->getAsCXXRecordDecl();
    return Tag && Tag->getName() == "defer_lock_t";
  });
}

Effect effectOf(const CFGElement &Element, const Guard &G) {
  if (auto End = Element.getAs<CFGLifetimeEnds>())
    return End->getVarDecl() == &G.Var ? Effect::Release : Effect::None;
  const Stmt *S = helpers::statementOf(Element);
  if (!S)
    return Effect::None;
  if (const auto *Decl = dyn_cast<DeclStmt>(S)) {
    if (!Decl->isSingleDecl() || Decl->getSingleDecl() != &G.Var)
      return Effect::None;
    return holdsOnDeclaration(G) ? Effect::Hold : Effect::Release;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S); Call && Call->isCallToStdMove())
    return refersTo(Call->getArg(0), G.Var) ? Effect::Release : Effect::None;
  if (G.Kind != GuardKind::Lock)
    return Effect::None;
  if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Assign->getOperator() != OO_Equal ||
        !refersTo(Assign->getArg(0), G.Var))
      return Effect::None;
    return isAwaited(*Assign->getArg(1)) ? Effect::Release : Effect::Hold;
  }
  const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      !refersTo(Member->getImplicitObjectArgument(), G.Var))
    return Effect::None;
  return llvm::StringSwitch<Effect>(Method->getName())
      .Cases({"unlock", "release"}, Effect::Release)
      .Cases({"lock", "try_lock", "try_lock_for", "try_lock_until"},
             Effect::Hold)
      .Default(Effect::None);
}

/// The variable or data member of `this` a mutex expression names, or null.
const ValueDecl *mutexDecl(const Expr &E) {
  const Expr *Inner = E.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    return dyn_cast<VarDecl>(Ref->getDecl());
  if (const auto *Member = dyn_cast<MemberExpr>(Inner);
      Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

/// What one CFG element does to the mutex \p Mutex locked by \p Lock: that
/// call holds it, unlock() releases it, and so does a lock object built over
/// it (std::lock_guard with std::adopt_lock), which is tracked on its own.
Effect rawMutexEffectOf(const CFGElement &Element,
                        const CXXMemberCallExpr &Lock, const ValueDecl &Mutex) {
  const Stmt *S = helpers::statementOf(Element);
  if (!S)
    return Effect::None;
  if (S == &Lock)
    return Effect::Hold;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const bool Unlocks =
        Method && Method->getIdentifier() &&
        llvm::is_contained({"unlock", "unlock_shared"}, Method->getName());
    return Unlocks && mutexDecl(*Member->getImplicitObjectArgument()) == &Mutex
               ? Effect::Release
               : Effect::None;
  }
  if (const auto *Decl = dyn_cast<DeclStmt>(S); Decl && Decl->isSingleDecl())
    if (const auto *Var = dyn_cast<VarDecl>(Decl->getSingleDecl());
        Var && Var->getInit())
      if (const auto *Construct =
              dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit()))
        if (llvm::any_of(Construct->arguments(), [&](const Expr *Arg) {
              return mutexDecl(*Arg) == &Mutex;
            }))
          return Effect::Release;
  return Effect::None;
}

/// Whether the guard may hold (some path) and must hold (every path) at the
/// entry and exit of each CFG block: a forward may/must analysis whose
/// transfer is "the block's last Hold or Release wins".
class HeldFlow {
public:
  struct State {
    bool May = false;
    bool Must = true;
  };
  using EffectOf = std::function<Effect(const CFGElement &)>;

  HeldFlow(const CFG &Cfg, EffectOf Effects, bool HeldOnEntry)
      : Effects(std::move(Effects)), Last(Cfg.getNumBlockIDs(), Effect::None),
        In(Cfg.getNumBlockIDs()), Out(Cfg.getNumBlockIDs()) {
    for (const CFGBlock *Block : Cfg)
      for (const CFGElement &Element : *Block)
        if (Effect E = this->Effects(Element); E != Effect::None)
          Last[Block->getBlockID()] = E;
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const CFGBlock *Block : Cfg) {
        State Entry{HeldOnEntry, HeldOnEntry};
        if (Block != &Cfg.getEntry()) {
          Entry = {false, true};
          bool Reachable = false;
          for (const CFGBlock *Pred : Block->preds())
            if (Pred) {
              Reachable = true;
              Entry.May |= out(*Pred).May;
              Entry.Must &= out(*Pred).Must;
            }
          Entry.Must &= Reachable;
        }
        State Exit = apply(Last[Block->getBlockID()], Entry);
        unsigned ID = Block->getBlockID();
        Changed |= Entry.May != In[ID].May || Entry.Must != In[ID].Must ||
                   Exit.May != Out[ID].May || Exit.Must != Out[ID].Must;
        In[ID] = Entry;
        Out[ID] = Exit;
      }
    }
  }

  State out(const CFGBlock &Block) const { return Out[Block.getBlockID()]; }

  /// The co_await/co_yield expressions in Block, each with the guard's state
  /// just before the coroutine suspends there.
  llvm::SmallVector<std::pair<const CoroutineSuspendExpr *, State>, 2>
  suspensionsIn(const CFGBlock &Block) const {
    llvm::SmallVector<std::pair<const CoroutineSuspendExpr *, State>, 2> Found;
    State Now = In[Block.getBlockID()];
    for (const CFGElement &Element : Block) {
      if (const auto *Suspension = dyn_cast_or_null<CoroutineSuspendExpr>(
              helpers::statementOf(Element)))
        Found.emplace_back(Suspension, Now);
      Now = apply(Effects(Element), Now);
    }
    return Found;
  }

private:
  static State apply(Effect E, State S) {
    if (E == Effect::None)
      return S;
    bool Held = E == Effect::Hold;
    return {Held, Held};
  }

  EffectOf Effects;
  std::vector<Effect> Last;
  std::vector<State> In;
  std::vector<State> Out;
};

/// Where the path that keeps a guard held (while another path releases it)
/// is chosen: a branch and the edge taken, or a loop entered or repeated.
/// Its note takes the variable and its GuardKind's index.
struct PathChoice {
  const char *Message;
  SourceLocation Loc;
  /// For a two-way branch: 0 if the holding path takes the true edge, 1 if
  /// the false edge.
  std::optional<unsigned> Edge;
};

std::optional<PathChoice> findPathChoice(const CFGBlock &SuspensionBlock,
                                         const HeldFlow &Flow) {
  // Walk back to the nearest block entered both from a path that holds the
  // guard throughout (HeldPred) and from one that does not (Join).
  llvm::SmallVector<const CFGBlock *, 8> Work{&SuspensionBlock};
  llvm::SmallPtrSet<const CFGBlock *, 8> Seen{&SuspensionBlock};
  const CFGBlock *Join = nullptr, *HeldPred = nullptr;
  while (!Work.empty() && !Join) {
    const CFGBlock *Block = Work.pop_back_val();
    for (const CFGBlock *Pred : Block->preds()) {
      if (!Pred || !Flow.out(*Pred).May)
        continue;
      if (Flow.out(*Pred).Must) {
        Join = Block;
        HeldPred = Pred;
        break;
      }
      if (Seen.insert(Pred).second)
        Work.push_back(Pred);
    }
  }
  if (!Join)
    return std::nullopt;

  // A loop header (a back edge comes in): the holding path either enters the
  // loop or comes round again.
  for (const CFGBlock *Pred : Join->preds())
    if (Pred && Pred->getLoopTarget())
      return PathChoice{HeldPred->getLoopTarget()
                            ? "'%0' is %select{locked|active|alive}1 again "
                              "when this loop repeats"
                            : "'%0' is still %select{locked|active|alive}1 "
                              "when this loop is entered",
                        Pred->getLoopTarget()->getBeginLoc(), std::nullopt};

  // Otherwise the branch whose edge leads only onto the holding path:
  // HeldPred itself, or the nearest block above a chain that only leads to it.
  const CFGBlock *Next = Join, *Branch = HeldPred;
  while (Branch->succ_size() < 2) {
    if (Branch->pred_size() != 1 || !*Branch->pred_begin())
      return std::nullopt;
    Next = Branch;
    Branch = *Branch->pred_begin();
  }
  const auto *EdgeIt = llvm::find(Branch->succs(), Next);
  if (EdgeIt == Branch->succ_end())
    return std::nullopt;
  const unsigned Edge = std::distance(Branch->succ_begin(), EdgeIt);
  if (Branch->succ_size() == 2)
    if (const Stmt *Condition = Branch->getTerminatorCondition())
      return PathChoice{
          "'%0' is still %select{locked|active|alive}1 on the path where this "
          "condition is %select{true|false}2",
          Condition->getBeginLoc(), Edge};
  if (const Stmt *Label = Next->getLabel())
    return PathChoice{"'%0' is still %select{locked|active|alive}1 on the path "
                      "through this label",
                      Label->getBeginLoc(), std::nullopt};
  return std::nullopt;
}

/// The condition-variable idiom, `co_await cv.wait(lock)`: the awaitable
/// takes the lock by non-const reference, to unlock it while suspended. Such
/// an argument is the bare variable; a const reference would add a cast.
bool passedToAwaitable(const Stmt &S, const VarDecl &Var) {
  auto ArgIsVar = [&](const Expr *Arg) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParens());
    return Ref && Ref->getDecl() == &Var;
  };
  if (const auto *Call = dyn_cast<CallExpr>(&S);
      Call && !isa<CXXOperatorCallExpr>(Call) &&
      llvm::any_of(Call->arguments(), ArgIsVar))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
      Construct && llvm::any_of(Construct->arguments(), ArgIsVar))
    return true;
  return llvm::any_of(S.children(), [&](const Stmt *Child) {
    return Child && !isa<LambdaExpr>(Child) && passedToAwaitable(*Child, Var);
  });
}

bool hasUnlockMember(const VarDecl &Var) {
  const CXXRecordDecl *Class =
      Var.getType().getNonReferenceType()->getAsCXXRecordDecl();
  return Class && llvm::any_of(Class->methods(), [](const CXXMethodDecl *M) {
           return M->getIdentifier() && M->getName() == "unlock";
         });
}

/// Every framework's mutexes and lock guards: LockTypes' default.
std::vector<StringRef> lockTypes() {
  std::vector<StringRef> Names =
      frameworks::collect(frameworks::all(), &frameworks::Framework::Mutexes);
  llvm::append_range(Names,
                     frameworks::collect(frameworks::all(),
                                         &frameworks::Framework::LockGuards));
  return Names;
}

} // namespace

SuspendInScopeCheck::SuspendInScopeCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ScopeTypes(utils::options::parseStringList(Options.get(
          "ScopeTypes",
          frameworks::joinedNames<&frameworks::Framework::ScopeGuards>()))),
      LockTypes(Options, "LockTypes", lockTypes(), lockTypes()),
      ThreadAffineTypes(utils::options::parseStringList(
          Options.get("ThreadAffineTypes",
                      frameworks::joinedNames<
                          &frameworks::Framework::ThreadAffineGuards>()))),
      AllowedAwaitables(utils::options::parseStringList(
          Options.get("AllowedAwaitables", ""))) {
  for (StringRef Name : AllowedAwaitables)
    AllowedAwaitableMatchers.emplace_back(Name);
}

SuspendInScopeCheck::~SuspendInScopeCheck() = default;

void SuspendInScopeCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ScopeTypes",
                utils::options::serializeStringList(ScopeTypes));
  LockTypes.store(Options, Opts);
  Options.store(Opts, "ThreadAffineTypes",
                utils::options::serializeStringList(ThreadAffineTypes));
  Options.store(Opts, "AllowedAwaitables",
                utils::options::serializeStringList(AllowedAwaitables));
}

void SuspendInScopeCheck::registerMatchers(MatchFinder *Finder) {
  auto BlockingMutex = qualType(hasCanonicalType(hasDeclaration(namedDecl(anyOf(
      hasAnyName(LockTypes.kept(frameworks::collect(
          frameworks::all(), &frameworks::Framework::Mutexes))),
      tidy::matchers::matchesAnyListedRegexName(LockTypes.userNames()))))));
  auto LockClass = cxxRecordDecl(
      anyOf(classTemplateSpecializationDecl(
                hasAnyName(LockTypes.kept(frameworks::collect(
                    frameworks::all(), &frameworks::Framework::LockGuards))),
                hasAnyTypeArgument(BlockingMutex)),
            tidy::matchers::matchesAnyListedRegexName(LockTypes.userNames())));
  auto ScopeClass =
      cxxRecordDecl(anyOf(tidy::matchers::matchesAnyListedRegexName(ScopeTypes),
                          isAnnotatedScope()));
  auto ThreadAffineClass = cxxRecordDecl(
      tidy::matchers::matchesAnyListedRegexName(ThreadAffineTypes));
  auto OfClass = [](auto ClassMatcher) {
    return recordType(hasDeclaration(ClassMatcher));
  };
  // Objects the coroutine frame owns; and a lock passed in, by value or by
  // reference, which is held from the start.
  auto Owned = varDecl(unless(parmVarDecl()), hasLocalStorage(),
                       hasType(hasCanonicalType(OfClass(cxxRecordDecl(anyOf(
                           LockClass.bind("lock"), ScopeClass.bind("scope"),
                           ThreadAffineClass.bind("thread-affine")))))));
  auto LockParameter = parmVarDecl(hasType(hasCanonicalType(
      anyOf(OfClass(LockClass.bind("lock")),
            referenceType(pointee(OfClass(LockClass.bind("lock"))))))));

  // A blocking mutex locked by hand.
  Finder->addMatcher(
      functionDecl(
          matchers::isCoroutine(),
          forEachDescendant(cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(
                                                  "lock", "lock_shared"))),
                                              on(hasType(BlockingMutex)))
                                .bind("raw-lock")))
          .bind("coroutine"),
      this);

  // Anchored on the coroutine, not on each variable: finding the enclosing
  // function of a variable would need the whole TU's parent map.
  Finder->addMatcher(
      functionDecl(
          matchers::isCoroutine(),
          forEachDescendant(varDecl(anyOf(Owned, LockParameter)).bind("guard")))
          .bind("coroutine"),
      this);
}

const CFG *SuspendInScopeCheck::cfgOf(const FunctionDecl &Coroutine,
                                      ASTContext &Context) {
  auto [It, Inserted] = Cfgs.try_emplace(&Coroutine);
  if (Inserted) {
    CFG::BuildOptions Options;
    Options.AddLifetime = true; // Scope ends, however the block is left.
    for (Stmt::StmtClass Class :
         {Stmt::CoawaitExprClass, Stmt::CoyieldExprClass, Stmt::CallExprClass,
          Stmt::CXXMemberCallExprClass, Stmt::CXXOperatorCallExprClass})
      Options.setAlwaysAdd(Class);
    // The body as written: without the implicit initial and final suspends.
    Stmt *Body = cast<CoroutineBodyStmt>(Coroutine.getBody())->getBody();
    It->second = CFG::buildCFG(&Coroutine, Body, &Context, Options);
  }
  return It->second.get();
}

bool SuspendInScopeCheck::isAllowedAwaitable(
    const CoroutineSuspendExpr &Suspension) const {
  const CXXRecordDecl *Awaitable = Suspension.getOperand()
                                       ->getType()
                                       .getNonReferenceType()
                                       ->getAsCXXRecordDecl();
  return Awaitable &&
         llvm::any_of(AllowedAwaitableMatchers, [&](const auto &Matcher) {
           return Matcher.match(*Awaitable);
         });
}

void SuspendInScopeCheck::checkRawLock(const FunctionDecl &Coroutine,
                                       const CXXMemberCallExpr &Lock,
                                       ASTContext &Context) {
  const ValueDecl *Mutex = mutexDecl(*Lock.getImplicitObjectArgument());
  if (Coroutine.isDependentContext() || Coroutine.isInvalidDecl() || !Mutex)
    return;
  const CFG *Cfg = cfgOf(Coroutine, Context);
  if (!Cfg)
    return;
  const HeldFlow Flow(
      *Cfg,
      [&](const CFGElement &Element) {
        return rawMutexEffectOf(Element, Lock, *Mutex);
      },
      /*HeldOnEntry=*/false);
  for (const CFGBlock *Block : *Cfg)
    for (auto [Suspension, Held] : Flow.suspensionsIn(*Block)) {
      if (!Held.May || isAllowedAwaitable(*Suspension) ||
          !Reported
               .insert({Suspension->getBeginLoc().getRawEncoding(),
                        Mutex->getLocation().getRawEncoding()})
               .second)
        continue;
      diag(Suspension->getBeginLoc(), "'%0' suspends the coroutine while mutex "
                                      "'%1' of type %2 is locked; locking it "
                                      "meanwhile blocks the event loop")
          << (isa<CoyieldExpr>(Suspension) ? "co_yield" : "co_await")
          << Mutex->getName() << Mutex->getType();
      diag(Suspension->getBeginLoc(),
           "the coroutine may resume on another thread and unlock it there",
           DiagnosticIDs::Note);
      diag(Lock.getExprLoc(),
           "'%0' is locked here; unlock it before suspending, or use an async "
           "mutex, whose "
           "lock is awaited",
           DiagnosticIDs::Note)
          << Mutex->getName();
    }
}

void SuspendInScopeCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Coroutine = *Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (const auto *Lock =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>("raw-lock")) {
    checkRawLock(Coroutine, *Lock, *Result.Context);
    return;
  }
  const auto &Var = *Result.Nodes.getNodeAs<VarDecl>("guard");
  // Instantiations are analysed, with concrete types; patterns are not. A
  // variable of a nested lambda belongs to that lambda's own match.
  if (Coroutine.isDependentContext() || Coroutine.isInvalidDecl() ||
      Var.getDeclContext() != &Coroutine ||
      (Var.getInit() && isAwaited(*Var.getInit())))
    return;
  const Guard G{Var, Result.Nodes.getNodeAs<CXXRecordDecl>("lock")
                         ? GuardKind::Lock
                     : Result.Nodes.getNodeAs<CXXRecordDecl>("scope")
                         ? GuardKind::Scope
                         : GuardKind::ThreadAffine};
  const CFG *Cfg = cfgOf(Coroutine, *Result.Context);
  if (!Cfg)
    return;

  // A lock parameter arrives locked.
  const HeldFlow Flow(
      *Cfg, [&](const CFGElement &Element) { return effectOf(Element, G); },
      /*HeldOnEntry=*/isa<ParmVarDecl>(G.Var));
  for (const CFGBlock *Block : *Cfg) {
    for (auto [Suspension, Held] : Flow.suspensionsIn(*Block)) {
      const bool IsYield = isa<CoyieldExpr>(Suspension);
      // A scope is meant to span its co_awaits; only a co_yield leaks it.
      if (!Held.May ||
          (!IsYield &&
           (G.Kind == GuardKind::Scope || isAllowedAwaitable(*Suspension) ||
            (G.Kind == GuardKind::Lock &&
             passedToAwaitable(*Suspension->getOperand(), Var)))))
        continue;
      if (!Reported
               .insert({Suspension->getBeginLoc().getRawEncoding(),
                        Var.getLocation().getRawEncoding()})
               .second)
        continue;

      diag(Suspension->getBeginLoc(),
           "'%0' suspends the %select{coroutine while '%1' of type %2 holds a "
           "thread-blocking "
           "mutex; locking it meanwhile blocks the event loop|generator while "
           "scope '%1' of type %2 is active; its deadline or cancellation "
           "reaches the "
           "consumer|coroutine while thread-affine '%1' of type %2 is alive; "
           "it may be "
           "destroyed on another thread}3")
          << (IsYield ? "co_yield" : "co_await") << Var.getName()
          << Var.getType() << kindIndex(G.Kind);
      if (G.Kind == GuardKind::Lock)
        diag(Suspension->getBeginLoc(),
             "the coroutine may resume on another thread and unlock it there",
             DiagnosticIDs::Note);
      diag(Var.getLocation(),
           "%select{'%0' holds the lock from here; end the critical section "
           "before suspending "
           "(%select{close its block|close its block or call unlock()}1) or "
           "use an async "
           "mutex, whose lock is awaited|'%0' is active from here to the end "
           "of its block; for "
           "a timeout use corio::with_timeout, which runs the timed work as a "
           "task that cannot "
           "yield to the consumer|'%0' lives from here to the end of its "
           "block; destroy it "
           "before suspending}2",
           DiagnosticIDs::Note)
          << Var.getName() << hasUnlockMember(Var) << kindIndex(G.Kind);
      if (!Held.Must)
        if (auto Choice = findPathChoice(*Block, Flow)) {
          auto Note = diag(Choice->Loc, Choice->Message, DiagnosticIDs::Note);
          Note << Var.getName() << kindIndex(G.Kind);
          if (Choice->Edge)
            Note << *Choice->Edge;
        }
      if (IsYield) {
        const auto *Method = dyn_cast<CXXMethodDecl>(&Coroutine);
        diag(Coroutine.getLocation(),
             "each 'co_yield' in %select{%1|this lambda}0 hands control to its "
             "consumer until "
             "the generator is resumed",
             DiagnosticIDs::Note)
            << (Method && Method->getParent()->isLambda()) << &Coroutine;
      }
    }
  }
}

void SuspendInScopeCheck::onEndOfTranslationUnit() {
  Cfgs.clear();
  Reported.clear();
}

} // namespace clang::tidy::async

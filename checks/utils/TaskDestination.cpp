//===- TaskDestination.cpp - where a task goes after the expression that made it ===//
#include "TaskDestination.h"
#include "DiscardedValue.h"
#include "DisplayName.h"
#include "frameworks/Registry.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::helpers {

namespace {

// What the frameworks' catalogue says about starting and waiting for tasks,
// gathered once: the names as displayName() spells them.
struct StartsAndWaits {
  /// Calls that run a task to completion before they return (corio::run,
  /// sync_wait, blockingWait).
  std::vector<StringRef> Waits;
  /// Functions that start a task on an executor (co_spawn, cobalt::spawn),
  /// with their detached tokens: the task runs after the call returns,
  /// unless the call's own result is awaited or waited for at once.
  std::vector<const frameworks::DetachingCall *> Spawns;
  /// Members of a task (or of a task bound to an executor) that start it
  /// with nobody joining it: folly start(), async_simple detach().
  std::vector<const frameworks::DetachingCall *> MemberStarts;
  /// Structured groups whose spawn() joins the child later.
  std::vector<StringRef> Groups;
};

const StartsAndWaits &startsAndWaits() {
  static const StartsAndWaits Known = [] {
    using namespace frameworks;
    StartsAndWaits K;
    for (const Framework *F : all()) {
      for (const LoopCall &Wait : F->BlockingWaits)
        if (Wait.Form != CallForm::FunctionObject)
          K.Waits.push_back(spelled(Wait.Name));
      for (const DetachingCall &Call : F->DetachingCalls) {
        if (Call.Kind == DetachKind::SpawnWithDetachedToken)
          K.Spawns.push_back(&Call);
        else if (Call.Kind != DetachKind::ThreadDetach)
          K.MemberStarts.push_back(&Call);
      }
      for (StringRef Group : F->TaskGroups)
        K.Groups.push_back(spelled(Group));
    }
    return K;
  }();
  return Known;
}

bool spelledIn(ArrayRef<StringRef> Qualified, StringRef Name) {
  return llvm::any_of(
      Qualified, [&](StringRef Q) { return frameworks::spelled(Q) == Name; });
}

// Futures whose get()/wait() block until the task that feeds them finished.
constexpr llvm::StringLiteral WaitableFutures[] = {
    "std::future", "std::shared_future", "folly::SemiFuture", "folly::Future"};

constexpr llvm::StringLiteral ContainerInserts[] = {
    "push_back", "emplace_back", "push_front", "emplace_front",
    "push",      "emplace",      "insert"};

template <size_t N>
bool listed(const llvm::StringLiteral (&List)[N], StringRef Name) {
  return llvm::is_contained(List, Name);
}

const CXXRecordDecl *classOf(QualType Type) {
  return Type.isNull() ? nullptr
                       : Type.getNonReferenceType()->getAsCXXRecordDecl();
}

/// The expression under the implicit nodes and parentheses around it.
const Expr *bare(const Expr *E) {
  return E ? E->IgnoreImplicit()->IgnoreParens() : nullptr;
}

/// The spawning function Call is, if any.
const frameworks::DetachingCall *spawnOf(StringRef Callee) {
  for (const frameworks::DetachingCall *Spawn : startsAndWaits().Spawns)
    if (spelledIn(Spawn->Functions, Callee))
      return Spawn;
  return nullptr;
}

bool isDetachedToken(const Expr &Argument,
                     const frameworks::DetachingCall &Spawn) {
  const CXXRecordDecl *Token = classOf(Argument.getType());
  return Token && spelledIn(Spawn.Classes, displayName(*Token));
}

class Follower {
public:
  Follower(ParentIndex &Parents, TaskTypes &Types)
      : Parents(Parents), Types(Types) {}

  TaskDestination follow(const Expr &Task, unsigned Depth = 0) {
    if (Depth > 16)
      return {};
    const Stmt *Current = &Task;
    for (unsigned Step = 0; Step < 64; ++Step) {
      const DynTypedNodeList Ups = Parents.get(*Current);
      if (Ups.empty())
        return {};
      // The operand of a co_await is also a child of the awaiter expressions
      // Sema builds from it, so it has several parents.
      for (const DynTypedNode &Up : Ups)
        if (const auto *Await = Up.get<CoawaitExpr>())
          if (bare(Await->getOperand()) == bare(dyn_cast<Expr>(Current)) ||
              Await->getOperand() == Current)
            return {TaskFate::Awaited};
      if (Ups.size() != 1)
        return {};
      if (const auto *Var = Ups[0].get<VarDecl>())
        return isRangeVariable(*Var) ? rangeForInit()
                                     : TaskDestination{TaskFate::Stored};
      if (Ups[0].get<FieldDecl>())
        return {TaskFate::Stored};
      const auto *Parent = Ups[0].get<Stmt>();
      if (!Parent)
        return {};
      if (isa<FullExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
              ImplicitCastExpr, ParenExpr, InitListExpr,
              CXXStdInitializerListExpr, CXXFunctionalCastExpr>(Parent)) {
        Current = Parent;
        continue;
      }
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
        // A copy, a move or a conversion into another task type carries the
        // task; any other constructor takes it to somewhere unknown.
        const CXXRecordDecl *Made = Construct->getConstructor()->getParent();
        if (Construct->getNumArgs() != 1 ||
            !(Construct->getConstructor()->isCopyOrMoveConstructor() ||
              Types.isAwaitableClass(*Made, Parents.context())))
          return {};
        Current = Parent;
        continue;
      }
      if (const auto *RangeFor = dyn_cast<CXXForRangeStmt>(Parent);
          RangeFor && RangeFor->getRangeInit() == Current)
        return rangeForInit();
      if (isa<ReturnStmt, CoreturnStmt>(Parent))
        return {TaskFate::Returned};
      if (isa<LambdaExpr>(Parent))
        return {TaskFate::Stored}; // an init-capture keeps it in the closure
      if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
        const DynTypedNodeList CallUps = Parents.get(*Member);
        const auto *Call =
            CallUps.size() == 1 ? CallUps[0].get<CXXMemberCallExpr>() : nullptr;
        if (!Call || Call->getCallee()->IgnoreParens() != Member)
          return {};
        return calledOn(*Call, Depth);
      }
      if (const auto *Call = dyn_cast<CallExpr>(Parent))
        return passedTo(*Call, Depth);
      if (const auto *Assign = dyn_cast<BinaryOperator>(Parent))
        return Assign->isAssignmentOp() && Assign->getRHS() == Current
                   ? TaskDestination{TaskFate::Stored}
                   : TaskDestination{};
      if (!isa<Expr>(Parent) &&
          detail::isStatementPosition(*Parent, Current, Parents))
        return {TaskFate::Discarded};
      return {};
    }
    return {};
  }

private:
  /// The range of a range-for: C++23 keeps the temporaries of its
  /// initializer alive for the whole loop (P2718), C++20 destroys them
  /// before the first iteration.
  TaskDestination rangeForInit() const {
    return {Parents.context().getLangOpts().CPlusPlus23 ? TaskFate::Waited
                                                        : TaskFate::Stored};
  }

  /// Whether Var is the implicit `__range` of a range-for.
  bool isRangeVariable(const VarDecl &Var) {
    if (!Var.isImplicit())
      return false;
    const DynTypedNodeList Decls = Parents.get(Var);
    const auto *Statement =
        Decls.size() == 1 ? Decls[0].get<DeclStmt>() : nullptr;
    if (!Statement)
      return false;
    const DynTypedNodeList Loops = Parents.get(*Statement);
    const auto *Loop =
        Loops.size() == 1 ? Loops[0].get<CXXForRangeStmt>() : nullptr;
    return Loop && Loop->getRangeStmt() == Statement;
  }

  /// The task is an argument of Call.
  TaskDestination passedTo(const CallExpr &Call, unsigned Depth) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee)
      return {};
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
        Operator && Operator->getOperator() == OO_Equal)
      return {TaskFate::Stored};
    const std::string Name = displayName(*Callee);
    if (llvm::is_contained(startsAndWaits().Waits, Name))
      return {TaskFate::Waited};
    if (const frameworks::DetachingCall *Spawn = spawnOf(Name)) {
      if (llvm::any_of(Call.arguments(), [&](const Expr *A) {
            return isDetachedToken(*A, *Spawn);
          }))
        return {TaskFate::Detached, &Call};
      return startedBy(Call, Depth);
    }
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
      const std::string Class = displayName(*Method->getParent());
      if (llvm::is_contained(startsAndWaits().Groups, Class) &&
          Method->getIdentifier() && Method->getName() == "spawn") {
        if (follow(Call, Depth + 1).Fate == TaskFate::Awaited)
          return {TaskFate::Awaited};
        TaskDestination Spawned{TaskFate::Spawned, &Call};
        if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
          Spawned.Group = Member->getImplicitObjectArgument();
        return Spawned;
      }
      if (Method->getParent()->isInStdNamespace() && Method->getIdentifier() &&
          listed(ContainerInserts, Method->getName()))
        return {TaskFate::Stored};
    }
    if (carriesTask(Call))
      return follow(Call, Depth + 1);
    return {};
  }

  /// The task is the object of a member call.
  TaskDestination calledOn(const CXXMemberCallExpr &Call, unsigned Depth) {
    const CXXMethodDecl *Method = Call.getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return {};
    const std::string Class = displayName(*Method->getParent());
    const StringRef Name = Method->getName();
    if (listed(WaitableFutures, Class) && (Name == "get" || Name == "wait"))
      return {TaskFate::Waited};
    const bool Detaches = llvm::any_of(
        startsAndWaits().MemberStarts, [&](const frameworks::DetachingCall *D) {
          return D->Callee == Name && spelledIn(D->Classes, Class);
        });
    // folly's start() hands back a SemiFuture: the task is started either way,
    // and the caller may wait for it through the future.
    if (Detaches && !Call.getType()->isVoidType())
      return startedBy(Call, Depth);
    if (Detaches)
      return {TaskFate::Detached, &Call};
    if (classOf(Call.getType()))
      return follow(Call,
                    Depth + 1); // scheduleOn, via, semi: the result is the task
    return {};
  }

  /// Call started the task; its result, if awaited or waited for within the
  /// full-expression, finishes it there.
  TaskDestination startedBy(const CallExpr &Call, unsigned Depth) {
    const TaskDestination Result = follow(Call, Depth + 1);
    switch (Result.Fate) {
    case TaskFate::Awaited:
    case TaskFate::Waited:
    case TaskFate::Returned:
      return Result;
    case TaskFate::Stored:
      return {TaskFate::Detached, &Call, nullptr, true};
    default:
      return {TaskFate::Detached, &Call};
    }
  }

  /// A function that returns an awaitable made from its task arguments
  /// (when_all, with_timeout, co_withCancellation) passes them on.
  bool carriesTask(const CallExpr &Call) {
    const CXXRecordDecl *Result = classOf(Call.getType());
    return Result && Types.isAwaitableClass(*Result, Parents.context());
  }

  ParentIndex &Parents;
  TaskTypes &Types;
};

} // namespace

TaskDestination destinationOf(const Expr &Task, ParentIndex &Parents,
                              TaskTypes &Types) {
  return Follower(Parents, Types).follow(Task);
}

int outlivingFateIndex(const TaskDestination &Destination) {
  switch (Destination.Fate) {
  case TaskFate::Stored:
    return 0;
  case TaskFate::Returned:
    return 1;
  case TaskFate::Spawned:
    return 2;
  case TaskFate::Detached:
    return Destination.ResultKept ? 4 : 3;
  default:
    return -1;
  }
}

bool hasCoroutineBody(const FunctionDecl *F) {
  return F && isa_and_nonnull<CoroutineBodyStmt>(F->getBody());
}

const Expr &fullExpressionOf(const Expr &E, ParentIndex &Parents) {
  const Expr *Current = &E;
  for (unsigned Step = 0; Step < 256; ++Step) {
    const DynTypedNodeList Ups = Parents.get(*Current);
    const auto *Parent = Ups.empty() ? nullptr : Ups[0].get<Expr>();
    if (!Parent || isa<LambdaExpr>(Parent))
      break;
    Current = Parent;
  }
  return *Current;
}

} // namespace clang::tidy::async::helpers

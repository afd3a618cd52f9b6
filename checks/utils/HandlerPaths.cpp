//===- HandlerPaths.cpp - where a caught cancellation leaves its handler --===//
#include "utils/HandlerPaths.h"
#include "utils/BodyCFG.h"
#include "utils/ExceptionKeepers.h"

#include "llvm/ADT/DenseSet.h"

#include <tuple>

namespace clang::tidy::async::helpers {

namespace {

/// The walk walkHandlerPaths() describes.
class HandlerWalk {
public:
  HandlerWalk(const CXXTryStmt &Try, const CXXCatchStmt &Handler,
              const Cancellation &C, CatchKind Kind,
              const CancellationAssumption &Assumption, bool AllowTranslation,
              ArrayRef<std::string> Keepers)
      : Handler(Handler), C(C), Kind(Kind), Assumption(Assumption),
        AllowTranslation(AllowTranslation), Keepers(Keepers),
        InHandler(&Handler), InTryBlock(Try.getTryBlock()) {}

  HandlerPaths run(const CFG &Cfg) {
    HandlerPaths Paths;
    const CFGBlock *Entry = handlerEntry(Cfg, Handler);
    if (!Entry)
      return Paths;

    // Jump is the jump statement that last left a block of the handler;
    // once the path has Left the handler, it names the exit (null: the
    // handler's end). Flag is a local bool the handler set to say "cancelled"
    // (`stopped = true;`), which a test after the handler reads. A block is
    // visited once per such state, so that a `continue` and a fall-off
    // reaching the same loop header both count.
    struct Step {
      const CFGBlock *Block;
      const Stmt *Jump;
      bool Left;
      const VarDecl *Flag;
    };
    llvm::SmallVector<Step, 16> Work{{Entry, nullptr, false, nullptr}};
    llvm::DenseSet<
        std::tuple<const CFGBlock *, const Stmt *, unsigned, const VarDecl *>>
        Seen;
    while (!Work.empty()) {
      auto [Block, Jump, Left, Flag] = Work.pop_back_val();
      if (!Seen.insert({Block, Jump, unsigned(Left), Flag}).second)
        continue;
      const std::optional<bool> Inside =
          Left ? false : belongsTo(*Block, InHandler);
      if (Block == &Cfg.getExit() || Inside == false) {
        Left = true;
        if (Block == &Cfg.getExit() || belongsTo(*Block, InTryBlock) == true) {
          addEscape(Paths, escapeByJump(Jump));
          continue;
        }
        if (std::optional<bool> Propagated = endAfterHandler(*Block)) {
          if (*Propagated)
            Paths.PropagatedLater = true;
          else
            addEscape(Paths, escapeByJump(Jump));
          continue;
        }
      } else if (Inside) {
        if (const VarDecl *Set = flagSetIn(*Block))
          Flag = Set;
        if (std::optional<PathEnd> End = endInHandler(*Block)) {
          if (End->Lost)
            addEscape(Paths, *End->Lost);
          continue;
        }
        const Stmt *Terminator = Block->getTerminatorStmt();
        Jump = isa_and_nonnull<ContinueStmt, BreakStmt, GotoStmt,
                               IndirectGotoStmt>(Terminator)
                   ? Terminator
                   : nullptr;
        if (Block->succ_size() > 1)
          Paths.Branches = true;
      }
      // In the handler, do not follow the edge a cancellation test rules
      // out.
      // After it, do not follow the edge the handler's flag rules out.
      std::optional<bool> CondIfCancelled;
      if (Block->succ_size() == 2)
        if (const Expr *Cond = Block->getLastCondition())
          CondIfCancelled =
              Left ? flagValue(Cond, Flag) : Assumption.valueOf(Cond);
      unsigned Index = 0;
      for (const CFGBlock *Succ : Block->succs()) {
        const bool RuledOut =
            CondIfCancelled && *CondIfCancelled != (Index == 0);
        ++Index;
        if (Succ && !RuledOut)
          Work.push_back({Succ, Jump, Left, Flag});
      }
    }
    return Paths;
  }

private:
  static void addEscape(HandlerPaths &Paths, Escape E) {
    if (!llvm::is_contained(Paths.Escapes, E))
      Paths.Escapes.push_back(E);
  }

  /// The local bool a handler block sets to true, or to a test that is true
  /// for the cancellation (`stopped = e.code() == operation_aborted;`).
  const VarDecl *flagSetIn(const CFGBlock &Block) const {
    const VarDecl *Set = nullptr;
    for (const Stmt *S : statementsIn(Block)) {
      const auto *Assign = dyn_cast<BinaryOperator>(S);
      if (!Assign || Assign->getOpcode() != BO_Assign)
        continue;
      const auto *Target =
          dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
      const auto *Var = Target ? dyn_cast<VarDecl>(Target->getDecl()) : nullptr;
      if (!Var || !Var->hasLocalStorage() || !Var->getType()->isBooleanType())
        continue;
      const Expr *Value = Assign->getRHS()->IgnoreParenImpCasts();
      const auto *Literal = dyn_cast<CXXBoolLiteralExpr>(Value);
      if ((Literal && Literal->getValue()) || Assumption.valueOf(Value) == true)
        Set = Var;
    }
    return Set;
  }

  /// The value of a condition after the handler when Flag (may be null) is
  /// set: `if (stopped)` is true, `if (!stopped)` false.
  static std::optional<bool> flagValue(const Expr *Cond, const VarDecl *Flag) {
    if (!Flag)
      return std::nullopt;
    Cond = Cond->IgnoreParenImpCasts();
    bool Negated = false;
    if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
        Not && Not->getOpcode() == UO_LNot) {
      Negated = true;
      Cond = Not->getSubExpr()->IgnoreParenImpCasts();
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(Cond);
    if (!Ref || Ref->getDecl() != Flag)
      return std::nullopt;
    return !Negated;
  }

  static Escape escapeByJump(const Stmt *Jump) {
    if (!Jump)
      return {EscapeKind::FallOff, nullptr};
    if (isa<ContinueStmt>(Jump))
      return {EscapeKind::Continue, Jump};
    if (isa<BreakStmt>(Jump))
      return {EscapeKind::Break, Jump};
    return {EscapeKind::Goto, Jump};
  }

  /// How a statement ends a path: by propagating the cancellation (Lost is
  /// empty) or by losing it.
  struct PathEnd {
    std::optional<Escape> Lost;
  };
  static constexpr PathEnd Propagates{};

  /// The end of the path at the first statement of a handler block that
  /// ends it.
  std::optional<PathEnd> endInHandler(const CFGBlock &Block) const {
    for (const Stmt *S : statementsIn(Block)) {
      if (isa<CoreturnStmt>(S))
        return PathEnd{Escape{EscapeKind::CoReturn, S}};
      // Whoever takes the kept exception (an exception_ptr rethrown after
      // the cleanup, a Try handed on) decides its fate.
      if (keepsException(*S, Keepers))
        return Propagates;
      if (const auto *Throw = dyn_cast<CXXThrowExpr>(S)) {
        if (!Throw->getSubExpr() || AllowTranslation)
          return Propagates;
        if (!throwsCaughtObject(*Throw))
          return PathEnd{Escape{EscapeKind::Translation, S}};
        // `throw e;` copies e as its static type: only the exact type stays
        // a cancellation.
        if (Kind == CatchKind::Exact)
          return Propagates;
        return PathEnd{Escape{EscapeKind::SlicedCopy, S}};
      }
      const auto *Call = dyn_cast<CallExpr>(S);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      if (!Callee)
        continue;
      // Any current_exception() argument was seen above, as the element
      // before this call.
      if (isStdFunction(Callee, "rethrow_exception") ||
          isStdFunction(Callee, "throw_with_nested")) {
        if (AllowTranslation)
          return Propagates;
        return PathEnd{Escape{EscapeKind::Translation, S}};
      }
      if (Callee->isNoReturn())
        return Propagates;
    }
    return std::nullopt;
  }

  /// After the handler: whether a statement of the block ends the path by
  /// propagating a cancellation (true) or losing it (false).
  std::optional<bool> endAfterHandler(const CFGBlock &Block) const {
    for (const Stmt *S : statementsIn(Block)) {
      if (isa<CoreturnStmt>(S))
        return false;
      if (const auto *Throw = dyn_cast<CXXThrowExpr>(S)) {
        const Expr *Thrown = Throw->getSubExpr();
        const CXXRecordDecl *Class =
            Thrown ? Thrown->getType()->getAsCXXRecordDecl() : nullptr;
        return AllowTranslation || !Thrown ||
               (Class &&
                (Class->getCanonicalDecl() == C.Type->getCanonicalDecl() ||
                 Class->isDerivedFrom(C.Type)));
      }
      const auto *Call = dyn_cast<CallExpr>(S);
      if (const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
          Callee && Callee->isNoReturn())
        return true; // std::rethrow_exception of the kept exception, too.
    }
    return std::nullopt;
  }

  bool throwsCaughtObject(const CXXThrowExpr &Throw) const {
    const VarDecl *Caught = Handler.getExceptionDecl();
    const auto *Ref = dyn_cast<DeclRefExpr>(
        Throw.getSubExpr()->IgnoreUnlessSpelledInSource());
    return Caught && Ref && Ref->getDecl() == Caught;
  }

  const CXXCatchStmt &Handler;
  const Cancellation &C;
  CatchKind Kind;
  const CancellationAssumption &Assumption;
  bool AllowTranslation;
  ArrayRef<std::string> Keepers;
  StmtRegion InHandler;
  StmtRegion InTryBlock;
};

} // namespace

HandlerPaths walkHandlerPaths(const CFG &Cfg, const CXXTryStmt &Try,
                              const CXXCatchStmt &Handler,
                              const Cancellation &C, CatchKind Kind,
                              const CancellationAssumption &Assumption,
                              bool AllowTranslation,
                              ArrayRef<std::string> Keepers) {
  return HandlerWalk(Try, Handler, C, Kind, Assumption, AllowTranslation,
                     Keepers)
      .run(Cfg);
}

bool returnsErrors(const SwallowedCancellation &S) {
  return (S.Kind != CatchKind::Exact || !S.C->AbortedCode.empty()) &&
         !S.Paths.Escapes.empty() &&
         llvm::all_of(S.Paths.Escapes, [](const Escape &E) {
           const auto *Return = dyn_cast_or_null<CoreturnStmt>(E.Where);
           return E.Kind == EscapeKind::CoReturn && Return &&
                  Return->getOperand() &&
                  !Return->getOperand()->getType()->isVoidType();
         });
}

} // namespace clang::tidy::async::helpers

//===- AfterCaughtCancellation.cpp - what runs after a handler caught it --===//
#include "utils/AfterCaughtCancellation.h"
#include "utils/BodyCFG.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

#include <optional>
#include <tuple>

namespace clang::tidy::async::helpers {

namespace {

/// A local that can record a caught cancellation: a bool, or a
/// std::exception_ptr (non-null once it holds one).
bool isFlagType(QualType Type) {
  if (Type->isBooleanType())
    return true;
  const auto *Class = Type->getAsCXXRecordDecl();
  return Class && Class->getIdentifier() &&
         Class->getName() == "exception_ptr" &&
         StringRef(Class->getQualifiedNameAsString()).starts_with("std::");
}

/// `flag = true`, `error = std::current_exception()`, `error = nullptr`:
/// the local assigned, and the value it tests as if known.
struct FlagAssignment {
  const VarDecl *Var;
  std::optional<bool> Value;
};

std::optional<FlagAssignment> flagAssignment(const Stmt *S,
                                             const ASTContext &Ctx) {
  const Expr *Target = nullptr, *Value = nullptr;
  if (const auto *Assign = dyn_cast<BinaryOperator>(S);
      Assign && Assign->getOpcode() == BO_Assign) {
    Target = Assign->getLHS();
    Value = Assign->getRHS();
  } else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(S);
             Call && Call->getOperator() == OO_Equal &&
             Call->getNumArgs() == 2) {
    Target = Call->getArg(0);
    Value = Call->getArg(1);
  } else {
    return std::nullopt;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || !isFlagType(Var->getType()))
    return std::nullopt;
  Value = Value->IgnoreUnlessSpelledInSource();
  if (const auto *Literal = dyn_cast<CXXBoolLiteralExpr>(Value))
    return FlagAssignment{Var, Literal->getValue()};
  if (Value->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                   Expr::NPC_ValueDependentIsNotNull))
    return FlagAssignment{Var, false};
  if (const auto *Call = dyn_cast<CallExpr>(Value);
      Call && isStdFunction(Call->getDirectCallee(), "current_exception"))
    return FlagAssignment{Var, true};
  return FlagAssignment{Var, std::nullopt};
}

/// The flags a handler sets to a known value, at most MaxFlags of them.
constexpr unsigned MaxFlags = 16;

void collectFlags(const Stmt *S, const ASTContext &Ctx,
                  llvm::SmallVectorImpl<const VarDecl *> &Flags) {
  if (!S || isa<LambdaExpr, BlockExpr>(S) || Flags.size() == MaxFlags)
    return;
  if (std::optional<FlagAssignment> Assignment = flagAssignment(S, Ctx);
      Assignment && Assignment->Value &&
      !llvm::is_contained(Flags, Assignment->Var))
    Flags.push_back(Assignment->Var);
  for (const Stmt *Child : S->children())
    collectFlags(Child, Ctx, Flags);
}

bool isExceptionPtr(QualType Type) {
  return isFlagType(Type) && !Type->isBooleanType();
}

/// The statements from Body down to Target, innermost last, lambdas left
/// out (their code is not the coroutine's).
bool findChain(const Stmt *S, const Stmt *Target,
               llvm::SmallVectorImpl<const Stmt *> &Chain) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  Chain.push_back(S);
  if (S == Target)
    return true;
  for (const Stmt *Child : S->children())
    if (findChain(Child, Target, Chain))
      return true;
  Chain.pop_back();
  return false;
}

/// Checks that every use of Var, in Scope, leaves it null until Handler
/// starts: uses in the other handlers of Try cannot run before it, const
/// uses (a test, a comparison, a copy) do not write, and assignments from
/// Handler on are followed by the walk. Anything else, a lambda's use
/// included, may write it.
class NullUntilHandler {
public:
  NullUntilHandler(const VarDecl &Var, const CXXTryStmt &Try,
                   const CXXCatchStmt &Handler)
      : Var(Var), Try(Try), Handler(Handler) {}

  bool holdsIn(const Stmt &Scope) {
    visit(&Scope, false);
    return !Written;
  }

private:
  void visit(const Stmt *S, bool InLambda) {
    if (!S || Written)
      return;
    if (isOtherHandler(*S))
      return;
    if (S == &Handler)
      PastTry = true;
    InLambda = InLambda || isa<LambdaExpr, BlockExpr>(S);
    for (const Stmt *Child : S->children()) {
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Child);
          Ref && Ref->getDecl() == &Var)
        Written = Written || !leavesNull(*Ref, *S, InLambda);
      visit(Child, InLambda);
    }
  }

  bool isOtherHandler(const Stmt &S) const {
    for (unsigned I = 0; I < Try.getNumHandlers(); ++I)
      if (Try.getHandler(I) == &S && &S != &Handler)
        return true;
    return false;
  }

  bool leavesNull(const DeclRefExpr &Ref, const Stmt &Parent,
                  bool InLambda) const {
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(&Parent))
      return Cast->getCastKind() == CK_NoOp &&
             Cast->getType().isConstQualified();
    if (InLambda || !PastTry)
      return false;
    if (const auto *Assign = dyn_cast<BinaryOperator>(&Parent))
      return Assign->getOpcode() == BO_Assign && Assign->getLHS() == &Ref;
    const auto *Call = dyn_cast<CXXOperatorCallExpr>(&Parent);
    return Call && Call->getOperator() == OO_Equal && Call->getArg(0) == &Ref;
  }

  const VarDecl &Var;
  const CXXTryStmt &Try;
  const CXXCatchStmt &Handler;
  bool PastTry = false;
  bool Written = false;
};

/// The default-constructed std::exception_ptr locals that are still null
/// when Handler starts: declared before Try in a block that Try runs in at
/// most once (no loop in between), and not written before Handler.
void collectNullExceptionPtrs(const Stmt &Body, const CXXTryStmt &Try,
                              const CXXCatchStmt &Handler,
                              llvm::SmallVectorImpl<const VarDecl *> &Found) {
  llvm::SmallVector<const Stmt *, 16> Chain;
  if (!findChain(&Body, &Try, Chain))
    return;
  for (unsigned I = Chain.size() - 1; I > 0; --I) {
    const Stmt *Scope = Chain[I - 1];
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Scope))
      return;
    const auto *Block = dyn_cast<CompoundStmt>(Scope);
    if (!Block)
      continue;
    for (const Stmt *Before : Block->body()) {
      if (Before == Chain[I])
        break;
      const auto *Decls = dyn_cast<DeclStmt>(Before);
      if (!Decls)
        continue;
      for (const Decl *D : Decls->decls()) {
        const auto *Var = dyn_cast<VarDecl>(D);
        const auto *Init =
            Var ? dyn_cast_or_null<CXXConstructExpr>(Var->getInit()) : nullptr;
        if (Init && Init->getNumArgs() == 0 && Var->hasLocalStorage() &&
            isExceptionPtr(Var->getType()) && Found.size() < MaxFlags &&
            NullUntilHandler(*Var, Try, Handler).holdsIn(*Block))
          Found.push_back(Var);
      }
    }
  }
}

/// What a path knows about the flags: bit I of Known says flag I has the
/// value bit I of Values.
struct FlagValues {
  uint32_t Known = 0;
  uint32_t Values = 0;

  void set(unsigned I, std::optional<bool> Value) {
    const uint32_t Bit = 1u << I;
    Known = Value ? Known | Bit : Known & ~Bit;
    Values = Value && *Value ? Values | Bit : Values & ~Bit;
  }
  std::optional<bool> get(unsigned I) const {
    const uint32_t Bit = 1u << I;
    if (!(Known & Bit))
      return std::nullopt;
    return (Values & Bit) != 0;
  }
};

class Walk {
public:
  Walk(const Stmt &Body, const CXXTryStmt &Try, const CXXCatchStmt &Handler,
       const CancellationAssumption &Assumption,
       llvm::function_ref<SuspensionVerdict(const Expr &)> Judge,
       const ASTContext &Ctx)
      : Handler(Handler), Assumption(Assumption), Judge(Judge), Ctx(Ctx),
        InHandler(&Handler), InTryBlock(Try.getTryBlock()) {
    collectFlags(Handler.getHandlerBlock(), Ctx, Flags);
    llvm::SmallVector<const VarDecl *, 4> Null;
    collectNullExceptionPtrs(Body, Try, Handler, Null);
    for (const VarDecl *Var : Null) {
      const auto *It = llvm::find(Flags, Var);
      if (It == Flags.end() && Flags.size() == MaxFlags)
        continue;
      if (It == Flags.end())
        It = Flags.insert(Flags.end(), Var);
      AtEntry.set(It - Flags.begin(), false);
    }
  }

  llvm::SmallVector<const Expr *, 2> run(const CFG &Cfg) {
    llvm::SmallVector<const Expr *, 2> Found;
    const CFGBlock *Entry = handlerEntry(Cfg, Handler);
    if (!Entry)
      return Found;
    struct Step {
      const CFGBlock *Block;
      bool Left; ///< the path has left the handler
      FlagValues Flags;
      /// The first unprotected suspension on the path, reported once the
      /// path propagates the cancellation.
      const Expr *Pending;
    };
    llvm::SmallVector<Step, 16> Work{{Entry, false, AtEntry, nullptr}};
    llvm::DenseSet<std::tuple<const CFGBlock *, unsigned, uint32_t, uint32_t,
                              const Expr *>>
        Seen;
    while (!Work.empty()) {
      auto [Block, Left, Values, Pending] = Work.pop_back_val();
      if (!Seen.insert({Block, unsigned(Left), Values.Known, Values.Values,
                        Pending})
               .second)
        continue;
      if (Block == &Cfg.getExit())
        continue;
      if (!Left && belongsTo(*Block, InHandler) == false)
        Left = true;
      if (Left && belongsTo(*Block, InTryBlock) == true)
        continue;
      if (!followBlock(*Block, Left, Values, Pending, Found))
        continue;
      std::optional<bool> Taken;
      if (Block->succ_size() == 2)
        if (const Expr *Cond = Block->getLastCondition()) {
          if (!Left)
            Taken = Assumption.valueOf(Cond);
          if (!Taken)
            Taken = valueOf(Cond, Values);
        }
      unsigned Index = 0;
      for (const CFGBlock *Succ : Block->succs()) {
        const bool RuledOut = Taken && *Taken != (Index == 0);
        ++Index;
        if (Succ && !RuledOut)
          Work.push_back({Succ, Left, Values, Pending});
      }
    }
    llvm::sort(Found, [&](const Expr *A, const Expr *B) {
      return Ctx.getSourceManager().isBeforeInTranslationUnit(A->getBeginLoc(),
                                                              B->getBeginLoc());
    });
    Found.erase(llvm::unique(Found), Found.end());
    return Found;
  }

private:
  /// Goes through the block's statements; false when the path ends in it.
  bool followBlock(const CFGBlock &Block, bool Left, FlagValues &Values,
                   const Expr *&Pending,
                   llvm::SmallVectorImpl<const Expr *> &Found) const {
    for (const Stmt *S : statementsIn(Block)) {
      if (isa<CoreturnStmt>(S))
        return false;
      const auto *Call = dyn_cast<CallExpr>(S);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      if (isa<CXXThrowExpr>(S) || (Callee && Callee->isNoReturn())) {
        // A path that never propagates the cancellation swallows it:
        // async-swallowed-cancellation's finding, not this one.
        if (Pending)
          Found.push_back(Pending);
        return false;
      }
      if (Left && !Pending &&
          isa<CoroutineSuspendExpr, DependentCoawaitExpr>(S)) {
        switch (Judge(*cast<Expr>(S))) {
        case SuspensionVerdict::Unprotected:
          Pending = cast<Expr>(S);
          break;
        case SuspensionVerdict::Clears:
          return false;
        case SuspensionVerdict::Protected:
          break;
        }
      }
      if (std::optional<FlagAssignment> Assignment = flagAssignment(S, Ctx))
        if (const auto *It = llvm::find(Flags, Assignment->Var);
            It != Flags.end())
          Values.set(It - Flags.begin(), Assignment->Value);
    }
    return true;
  }

  /// The value of a flag E tests (`flag`, `error`, `error != nullptr`).
  std::optional<bool> flagValue(const Expr *E, FlagValues Values) const {
    E = E->IgnoreParenImpCasts();
    if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E);
        Conversion &&
        isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()))
      E = Conversion->getImplicitObjectArgument()->IgnoreParenImpCasts();
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    if (!Ref)
      return std::nullopt;
    const auto *It = llvm::find(Flags, Ref->getDecl());
    if (It == Flags.end())
      return std::nullopt;
    return Values.get(It - Flags.begin());
  }

  /// Cond's value from what the path knows about the flags.
  std::optional<bool> valueOf(const Expr *Cond, FlagValues Values) const {
    Cond = Cond->IgnoreParenImpCasts();
    if (std::optional<bool> Flag = flagValue(Cond, Values))
      return Flag;
    if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
        Not && Not->getOpcode() == UO_LNot) {
      if (std::optional<bool> Operand = valueOf(Not->getSubExpr(), Values))
        return !*Operand;
      return std::nullopt;
    }
    BinaryOperatorKind Op;
    const Expr *LHS, *RHS;
    if (!decomposeBinary(Cond, Op, LHS, RHS))
      return std::nullopt;
    if (Op == BO_LAnd || Op == BO_LOr)
      return valueOfLogical(Op, valueOf(LHS, Values), valueOf(RHS, Values));
    if (Op != BO_EQ && Op != BO_NE)
      return std::nullopt;
    // `flag == true`, `error != nullptr`, either way round.
    std::optional<bool> Flag = flagValue(LHS, Values);
    const Expr *Other = RHS;
    if (!Flag) {
      Flag = flagValue(RHS, Values);
      Other = LHS;
    }
    if (!Flag)
      return std::nullopt;
    Other = Other->IgnoreUnlessSpelledInSource();
    std::optional<bool> Compared;
    if (const auto *Literal = dyn_cast<CXXBoolLiteralExpr>(Other))
      Compared = Literal->getValue();
    else if (Other->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                          Expr::NPC_ValueDependentIsNotNull))
      Compared = false;
    if (!Compared)
      return std::nullopt;
    return (*Flag == *Compared) == (Op == BO_EQ);
  }

  const CXXCatchStmt &Handler;
  const CancellationAssumption &Assumption;
  llvm::function_ref<SuspensionVerdict(const Expr &)> Judge;
  const ASTContext &Ctx;
  StmtRegion InHandler;
  StmtRegion InTryBlock;
  llvm::SmallVector<const VarDecl *, 4> Flags;
  /// What is known when the handler starts: the exception_ptrs still null.
  FlagValues AtEntry;
};

} // namespace

llvm::SmallVector<const Expr *, 2> unprotectedSuspensionsAfter(
    const CFG &Cfg, const Stmt &Body, const CXXTryStmt &Try,
    const CXXCatchStmt &Handler, const CancellationAssumption &Assumption,
    llvm::function_ref<SuspensionVerdict(const Expr &)> Judge,
    const ASTContext &Ctx) {
  return Walk(Body, Try, Handler, Assumption, Judge, Ctx).run(Cfg);
}

} // namespace clang::tidy::async::helpers

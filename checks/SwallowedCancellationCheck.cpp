//===- SwallowedCancellationCheck.cpp - async-swallowed-cancellation ===//
#include "SwallowedCancellationCheck.h"
#include "frameworks/Registry.h"
#include "utils/BodyCFG.h"
#include "utils/CancellationAssumption.h"
#include "utils/CaughtCancellation.h"
#include "utils/CoroutineMatchers.h"
#include "utils/SuspensionPoints.h"
#include "utils/TestFrameworkMacros.h"

#include "clang-tidy/utils/LexerUtils.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

using helpers::Cancellation;
using helpers::CancellationAssumption;
using helpers::CatchKind;
using helpers::isStdFunction;

namespace {

/// The name a catalogue or option entry gives D: qualified, and for a
/// member of a class template specialisation, that of the template's member.
std::string listedName(const NamedDecl &D) {
  if (const auto *Function = dyn_cast<FunctionDecl>(&D))
    if (const FunctionDecl *Pattern = Function->getTemplateInstantiationPattern())
      return Pattern->getQualifiedNameAsString();
  if (const auto *Class = dyn_cast<CXXRecordDecl>(&D))
    if (const CXXRecordDecl *Pattern = Class->getTemplateInstantiationPattern())
      return Pattern->getQualifiedNameAsString();
  return D.getQualifiedNameAsString();
}

/// Whether S keeps the exception being handled (stores it, wraps it, sets a
/// result from it) through one of Keepers: a function, or a class whose
/// construction takes it.
bool keepsException(const Stmt &S, ArrayRef<std::string> Keepers) {
  const NamedDecl *Keeper = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    Keeper = Construct->getConstructor()->getParent();
  else if (const auto *Call = dyn_cast<CallExpr>(&S))
    Keeper = Call->getDirectCallee();
  return Keeper && llvm::is_contained(Keepers, listedName(*Keeper));
}

/// Whether a co_await or co_yield can throw into the coroutine body: not
/// when its awaiter is noexcept, when it awaits one of the frameworks'
/// non-throwing awaitables (folly::coro::co_awaitTry, co_nothrow), or an
/// operation whose completion token hands errors over as values (Asio's
/// as_tuple, redirect_error).
bool mayThrowIntoBody(const Expr &Point) {
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&Point)) {
    auto IsNothrowCall = [](const Expr *E) {
      const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreImplicit()) : nullptr;
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      const auto *Proto = Callee ? Callee->getType()->getAs<FunctionProtoType>() : nullptr;
      return Proto && Proto->isNothrow();
    };
    if (IsNothrowCall(Suspend->getReadyExpr()) && IsNothrowCall(Suspend->getSuspendExpr()) &&
        IsNothrowCall(Suspend->getResumeExpr()))
      return false;
  }
  const Expr *Awaited = helpers::awaitedOperand(&Point);
  if (!Awaited)
    return true;
  auto IsListedType = [](QualType Type, ArrayRef<StringRef> frameworks::Framework::*List) {
    const NamedDecl *Class = helpers::namedClass(Type);
    if (!Class)
      return false;
    const std::string Name = Class->getQualifiedNameAsString();
    return llvm::any_of(frameworks::all(), [&](const frameworks::Framework *F) {
      return llvm::any_of(F->*List, [&](StringRef Listed) {
        return frameworks::spelled(Listed) == Name;
      });
    });
  };
  Awaited = Awaited->IgnoreImplicit();
  if (IsListedType(Awaited->getType(), &frameworks::Framework::NonThrowingAwaitables))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(Awaited))
    for (const Expr *Arg : Call->arguments())
      if (IsListedType(Arg->getType(), &frameworks::Framework::ErrorAsValueTokens))
        return false;
  return true;
}

/// How a path through a handler leaves it with the cancellation lost.
enum class EscapeKind {
  FallOff,
  CoReturn,
  Continue,
  Break,
  Goto,
  Translation,
  SlicedCopy
};

struct Escape {
  EscapeKind Kind;
  /// The statement that leaves the handler; null for FallOff.
  const Stmt *Where;
  bool operator==(const Escape &Other) const {
    return Kind == Other.Kind && Where == Other.Where;
  }
};

struct HandlerPaths {
  llvm::SmallVector<Escape, 2> Escapes;
  /// The handler branches, so an escape is worth pointing at.
  bool Branches = false;
  /// Some path propagates the cancellation after leaving the handler: throws
  /// it again after an asynchronous cleanup, or never returns.
  bool PropagatedLater = false;
};

/// Follows every path from a handler's entry through the CFG of the
/// coroutine body, assuming the caught exception is a given cancellation,
/// and records where a path leaves the handler without propagating it.
///
/// A handler cannot co_await, so asynchronous cleanup happens after it:
/// `catch (cancelled&) {} co_await cleanup(); throw cancelled();`. A path
/// that leaves the handler normally is therefore followed on: it is lost
/// only if it reaches the end of the coroutine, a co_return, or the try
/// block again (a loop that retries) before throwing a cancellation.
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
    const CFGBlock *Entry = helpers::handlerEntry(Cfg, Handler);
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
    llvm::DenseSet<std::tuple<const CFGBlock *, const Stmt *, unsigned, const VarDecl *>> Seen;
    while (!Work.empty()) {
      auto [Block, Jump, Left, Flag] = Work.pop_back_val();
      if (!Seen.insert({Block, Jump, unsigned(Left), Flag}).second)
        continue;
      const std::optional<bool> Inside =
          Left ? false : helpers::belongsTo(*Block, InHandler);
      if (Block == &Cfg.getExit() || Inside == false) {
        Left = true;
        if (Block == &Cfg.getExit() || helpers::belongsTo(*Block, InTryBlock) == true) {
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
          CondIfCancelled = Left ? flagValue(Cond, Flag) : Assumption.valueOf(Cond);
      unsigned Index = 0;
      for (const CFGBlock *Succ : Block->succs()) {
        const bool RuledOut = CondIfCancelled && *CondIfCancelled != (Index == 0);
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
    for (const CFGElement &Element : Block) {
      std::optional<CFGStmt> Item = Element.getAs<CFGStmt>();
      const auto *Assign = Item ? dyn_cast<BinaryOperator>(Item->getStmt()) : nullptr;
      if (!Assign || Assign->getOpcode() != BO_Assign)
        continue;
      const auto *Target = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
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
    if (const auto *Not = dyn_cast<UnaryOperator>(Cond); Not && Not->getOpcode() == UO_LNot) {
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
    for (const CFGElement &Element : Block) {
      std::optional<CFGStmt> Item = Element.getAs<CFGStmt>();
      if (!Item)
        continue;
      const Stmt *S = Item->getStmt();
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
    for (const CFGElement &Element : Block) {
      std::optional<CFGStmt> Item = Element.getAs<CFGStmt>();
      if (!Item)
        continue;
      const Stmt *S = Item->getStmt();
      if (isa<CoreturnStmt>(S))
        return false;
      if (const auto *Throw = dyn_cast<CXXThrowExpr>(S)) {
        const Expr *Thrown = Throw->getSubExpr();
        const CXXRecordDecl *Class =
            Thrown ? Thrown->getType()->getAsCXXRecordDecl() : nullptr;
        return AllowTranslation || !Thrown ||
               (Class && (Class->getCanonicalDecl() ==
                              C.Type->getCanonicalDecl() ||
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
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Throw.getSubExpr()->IgnoreUnlessSpelledInSource());
    return Caught && Ref && Ref->getDecl() == Caught;
  }

  const CXXCatchStmt &Handler;
  const Cancellation &C;
  CatchKind Kind;
  const CancellationAssumption &Assumption;
  bool AllowTranslation;
  ArrayRef<std::string> Keepers;
  helpers::StmtRegion InHandler;
  helpers::StmtRegion InTryBlock;
};

/// A cancellation a handler is the first to catch, and how it loses it.
struct Swallowed {
  const Cancellation *C;
  CatchKind Kind;
  HandlerPaths Paths;
};

/// Whether a handler that catches more than the cancellation (a base, or a
/// generic system_error) turns it, with every other error, into a result:
/// each path that loses it ends in a `co_return` with a value (an error
/// reply at a request boundary).
bool returnsErrors(const Swallowed &S) {
  return (S.Kind != CatchKind::Exact || !S.C->AbortedCode.empty()) &&
         !S.Paths.Escapes.empty() &&
         llvm::all_of(S.Paths.Escapes, [](const Escape &E) {
           const auto *Return = dyn_cast_or_null<CoreturnStmt>(E.Where);
           return E.Kind == EscapeKind::CoReturn && Return && Return->getOperand() &&
                  !Return->getOperand()->getType()->isVoidType();
         });
}

/// The identifiers written in a piece of source text.
llvm::StringSet<> identifiersIn(StringRef Text) {
  llvm::StringSet<> Names;
  while (!Text.empty()) {
    Text = Text.drop_until([](char Ch) { return isAsciiIdentifierStart(Ch); });
    StringRef Name = Text.take_while(
        [](char Ch) { return isAsciiIdentifierContinue(Ch); });
    Names.insert(Name);
    Text = Text.drop_front(Name.size());
  }
  return Names;
}

/// Builds the fix-its for a handler, or none when no edit is sure to keep
/// what the handler does for other errors (the rules are in the docs).
class HandlerFix {
public:
  HandlerFix(const CXXCatchStmt &Handler, const SourceManager &SM,
             const LangOptions &LangOpts)
      : Handler(Handler), Body(dyn_cast<CompoundStmt>(Handler.getHandlerBlock())),
        SM(SM), LangOpts(LangOpts) {}

  std::vector<FixItHint> build(ArrayRef<Swallowed> All) {
    if (!Body || Handler.getCatchLoc().isMacroID() ||
        Body->getLBracLoc().isMacroID() || Body->getRBracLoc().isMacroID())
      return {};
    // Code after the handler that rethrows on some paths would be skipped.
    // A co_return stays: the edits below rethrow before the body runs, or
    // (for a handler of the cancellation alone) only at a fall-off end.
    for (const Swallowed &S : All)
      if (S.Paths.PropagatedLater)
        return {};

    std::string Preceding, AtStart;
    bool RethrowAtEnd = false;
    for (const Swallowed &S : All) {
      if (!S.C->AbortedCode.empty()) {
        // A generic system_error: test its code first thing.
        if (S.Kind == CatchKind::All)
          return {};
        std::optional<std::string> Var = exceptionName();
        if (!Var)
          return {};
        AtStart += AtStart.empty() ? "" : " ";
        AtStart += S.Kind == CatchKind::Exact
                       ? codeTest(*Var + ".code()", S.C->AbortedCode)
                       : castAndCodeTest(*Var, *S.C);
      } else if (S.Kind == CatchKind::Exact) {
        // Catches nothing but the cancellation: rethrow at the end.
        if (llvm::any_of(S.Paths.Escapes, [](const Escape &E) {
              return E.Kind != EscapeKind::FallOff;
            }))
          return {};
        RethrowAtEnd = true;
      } else {
        // The body still has to run for other errors.
        Preceding += ("catch (const " + S.C->Spelling + "&) { throw; } ").str();
      }
    }

    std::vector<FixItHint> Fixes;
    if (!Preceding.empty())
      Fixes.push_back(
          FixItHint::CreateInsertion(Handler.getCatchLoc(), Preceding));
    if (!AtStart.empty()) {
      if (NameToAdd)
        Fixes.push_back(addExceptionName());
      Fixes.push_back(insertAtStart(AtStart));
    }
    if (RethrowAtEnd)
      Fixes.push_back(insertAtEnd("throw;"));
    return Fixes;
  }

private:
  static std::string codeTest(StringRef Code, StringRef Aborted) {
    return ("if (" + Code + " == " + Aborted + ") throw;").str();
  }

  static std::string castAndCodeTest(StringRef Var, const Cancellation &C) {
    // The temporary's scope is the if statement, so it can only clash with
    // the handler's own variable.
    const StringRef Ptr = Var == "se" ? "sys_error" : "se";
    return ("if (const auto *" + Ptr + " = dynamic_cast<const " + C.Spelling +
            " *>(&" + Var + "); " + Ptr + " && " + Ptr + "->code() == " +
            C.AbortedCode + ") throw;")
        .str();
  }

  /// The handler variable's name, choosing one to add if it has none.
  std::optional<std::string> exceptionName() {
    const VarDecl *Var = Handler.getExceptionDecl();
    if (!Var->getName().empty())
      return Var->getName().str();
    if (NameToAdd)
      return NameToAdd;
    // Naming the exception must not capture a name the body already uses.
    const llvm::StringSet<> Used = identifiersIn(Lexer::getSourceText(
        CharSourceRange::getTokenRange(Body->getSourceRange()), SM, LangOpts));
    for (StringRef Candidate : {"e", "error", "exception"})
      if (!Used.contains(Candidate))
        return NameToAdd = Candidate.str();
    return std::nullopt;
  }

  FixItHint addExceptionName() const {
    const VarDecl *Var = Handler.getExceptionDecl();
    const SourceLocation TypeEnd = Var->getTypeSourceInfo()->getTypeLoc().getEndLoc();
    const SourceLocation AfterType =
        Lexer::getLocForEndOfToken(TypeEnd, 0, SM, LangOpts);
    // `T &` takes the name as `T &e`, `T&` as `T& e`.
    const bool Declarator = Lexer::getSourceText(
        CharSourceRange::getCharRange(TypeEnd, AfterType), SM, LangOpts)
        .starts_with("&");
    const bool SpaceBefore =
        isWhitespace(*SM.getCharacterData(TypeEnd.getLocWithOffset(-1)));
    return FixItHint::CreateInsertion(
        AfterType, (Declarator && SpaceBefore ? "" : " ") + *NameToAdd);
  }

  bool onOneLine() const {
    return SM.getSpellingLineNumber(Body->getLBracLoc()) ==
           SM.getSpellingLineNumber(Body->getRBracLoc());
  }

  /// The indentation of the statements in the body.
  std::string innerIndent(const Stmt *Sample) const {
    if (Sample)
      return Lexer::getIndentationForLine(SM.getExpansionLoc(Sample->getBeginLoc()),
                                          SM)
          .str();
    return (Lexer::getIndentationForLine(Body->getRBracLoc(), SM) + "  ").str();
  }

  FixItHint insertAtStart(StringRef Code) const {
    const SourceLocation AfterBrace = Body->getLBracLoc().getLocWithOffset(1);
    if (onOneLine()) {
      const bool Adjacent = *SM.getCharacterData(AfterBrace) == '}';
      return FixItHint::CreateInsertion(
          AfterBrace, (" " + Code + (Adjacent ? " " : "")).str());
    }
    const Stmt *First = Body->body_empty() ? nullptr : Body->body_front();
    return FixItHint::CreateInsertion(AfterBrace,
                                      "\n" + innerIndent(First) + Code.str());
  }

  FixItHint insertAtEnd(StringRef Code) const {
    const SourceLocation Brace = Body->getRBracLoc();
    if (onOneLine()) {
      const bool Spaced = isWhitespace(*SM.getCharacterData(Brace.getLocWithOffset(-1)));
      return FixItHint::CreateInsertion(
          Brace, ((Spaced ? "" : " ") + Code + " ").str());
    }
    // On a line of its own after whatever (a comment too) precedes the brace.
    const Token Last = tidy::utils::lexer::getPreviousToken(
        Brace, SM, LangOpts, /*SkipComments=*/false);
    const Stmt *Sample = Body->body_empty() ? nullptr : Body->body_back();
    return FixItHint::CreateInsertion(Last.getEndLoc(),
                                      "\n" + innerIndent(Sample) + Code.str());
  }

  const CXXCatchStmt &Handler;
  const CompoundStmt *Body;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  std::optional<std::string> NameToAdd;
};

/// The statement control ends on when it runs through S, looking into
/// braces.
const Stmt *lastStatement(const Stmt *S) {
  while (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    S = Block->body_empty() ? nullptr : Block->body_back();
  return S;
}

/// Whether Body certainly neither rethrows, stores nor hands on the current
/// exception: it throws nothing and calls nothing but non-[[noreturn]]
/// library functions other than std::current_exception and
/// std::rethrow_exception. A call into the project's own code might do
/// either, so it counts as handling.
bool dropsException(const Stmt *S, const SourceManager &SM,
                    ArrayRef<std::string> Keepers) {
  if (isa<CXXThrowExpr, CXXUnresolvedConstructExpr>(S) || keepsException(*S, Keepers))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee->isNoReturn() ||
        !SM.isInSystemHeader(Callee->getLocation()) ||
        isStdFunction(Callee, "rethrow_exception"))
      return false;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor->isTrivial() && !SM.isInSystemHeader(Ctor->getLocation()))
      return false;
  }
  return llvm::all_of(S->children(), [&](const Stmt *Child) {
    return !Child || dropsException(Child, SM, Keepers);
  });
}

/// Points at where the cancellation leaves the handler, in source order.
void noteEscapes(ClangTidyCheck &Check, const CXXCatchStmt &Handler,
                 const Swallowed &S, const SourceManager &SM) {
  llvm::SmallVector<Escape, 2> Escapes(S.Paths.Escapes);
  llvm::sort(Escapes, [&](const Escape &A, const Escape &B) {
    if (!A.Where || !B.Where) // Falling off the end comes last.
      return B.Where == nullptr && A.Where != nullptr;
    return SM.isBeforeInTranslationUnit(A.Where->getBeginLoc(),
                                        B.Where->getBeginLoc());
  });
  for (const Escape &E : Escapes) {
    switch (E.Kind) {
    case EscapeKind::FallOff:
      // The warning says it all when the handler is straight-line code.
      if (S.Paths.Branches)
        Check.diag(Handler.getHandlerBlock()->getEndLoc(),
                   "control reaches the end of the handler here without "
                   "rethrowing the cancellation",
                   DiagnosticIDs::Note);
      break;
    case EscapeKind::CoReturn:
      Check.diag(E.Where->getBeginLoc(),
                 "'co_return' leaves the handler without rethrowing the "
                 "cancellation; rethrow it with 'throw;'",
                 DiagnosticIDs::Note);
      break;
    case EscapeKind::Continue:
    case EscapeKind::Break:
    case EscapeKind::Goto:
      Check.diag(E.Where->getBeginLoc(),
                 "'%0' leaves the handler without rethrowing the cancellation",
                 DiagnosticIDs::Note)
          << (E.Kind == EscapeKind::Continue ? "continue"
              : E.Kind == EscapeKind::Break  ? "break"
                                             : "goto");
      break;
    case EscapeKind::Translation: {
      const auto *Throw = dyn_cast<CXXThrowExpr>(E.Where);
      Check.diag(E.Where->getBeginLoc(),
                 "this throws %select{%1|another exception}0 in place of the "
                 "cancellation",
                 DiagnosticIDs::Note)
          << !Throw << (Throw ? Throw->getSubExpr()->getType() : QualType());
      break;
    }
    case EscapeKind::SlicedCopy:
      Check.diag(E.Where->getBeginLoc(),
                 "this throws a copy of type %0, which is no longer a '%1'; "
                 "rethrow with 'throw;'",
                 DiagnosticIDs::Note)
          << cast<CXXThrowExpr>(E.Where)->getSubExpr()->getType()
          << S.C->Spelling;
      break;
    }
  }
}

/// What keeps the exception being handled as std::current_exception() does.
constexpr llvm::StringLiteral DefaultExceptionKeepers =
    "::std::current_exception;::std::make_exception_ptr;::folly::current_exception;"
    "::folly::exception_wrapper";

} // namespace

SwallowedCancellationCheck::SwallowedCancellationCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawCancellationTypes(Options.get("CancellationTypes", "")),
      RawCancellationErrorCodes(Options.get("CancellationErrorCodes", "")),
      AllowTranslation(Options.get("AllowTranslation", false)),
      RawExceptionKeepers(Options.get("ExceptionKeepers", DefaultExceptionKeepers)),
      IgnoreBroadHandlersReturningErrors(
          Options.get("IgnoreBroadHandlersReturningErrors", false)) {
  for (StringRef Keeper : tidy::utils::options::parseStringList(RawExceptionKeepers))
    ExceptionKeepers.push_back(frameworks::spelled(Keeper).str());
  for (StringRef Type :
       tidy::utils::options::parseStringList(RawCancellationTypes))
    ExtraCancellationTypes.push_back(Type.str());
  CancellationCodes = helpers::frameworkCancellationCodes();
  for (StringRef Code :
       tidy::utils::options::parseStringList(RawCancellationErrorCodes)) {
    Code.consume_front("::");
    CancellationCodes.push_back(Code.str());
  }
}

void SwallowedCancellationCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CancellationTypes", RawCancellationTypes);
  Options.store(Opts, "CancellationErrorCodes", RawCancellationErrorCodes);
  Options.store(Opts, "AllowTranslation", AllowTranslation);
  Options.store(Opts, "ExceptionKeepers", RawExceptionKeepers);
  Options.store(Opts, "IgnoreBroadHandlersReturningErrors",
                IgnoreBroadHandlersReturningErrors);
}

void SwallowedCancellationCheck::registerMatchers(MatchFinder *Finder) {
  // Coroutine bodies are few and small next to the rest of a translation
  // unit; their try and if statements are found by walking them in check().
  // Templates are read once, from their pattern.
  Finder->addMatcher(
      functionDecl(isDefinition(), matchers::isCoroutine(),
                   unless(matchers::isInstantiatedFromPattern()))
          .bind("coroutine"),
      this);
  Finder->addMatcher(cxxMethodDecl(hasName("unhandled_exception"),
                                   isDefinition(), unless(isImplicit()),
                                   unless(matchers::isInstantiatedFromPattern()))
                         .bind("unhandled-exception"),
                     this);
}

void SwallowedCancellationCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Coroutine =
          Result.Nodes.getNodeAs<FunctionDecl>("coroutine"))
    checkStatements(cast<CoroutineBodyStmt>(Coroutine->getBody())->getBody(),
                    *Coroutine, *Result.Context, /*InHandler=*/false);
  else if (const auto *Method =
               Result.Nodes.getNodeAs<CXXMethodDecl>("unhandled-exception"))
    checkUnhandledException(*Method, *Result.SourceManager);
}

void SwallowedCancellationCheck::checkStatements(const Stmt *S,
                                                 const FunctionDecl &Coroutine,
                                                 ASTContext &Ctx,
                                                 bool InHandler) {
  // A lambda is a function of its own; a coroutine lambda gets its own match.
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    checkHandlers(*Try, Coroutine, Ctx);
  // In a handler, the handler analysis covers a jump on a cancelled code.
  else if (const auto *If = dyn_cast<IfStmt>(S); If && !InHandler)
    checkLoopOnCancelledCode(*If, Ctx);
  InHandler = InHandler || isa<CXXCatchStmt>(S);
  for (const Stmt *Child : S->children())
    checkStatements(Child, Coroutine, Ctx, InHandler);
}

void SwallowedCancellationCheck::checkHandlers(const CXXTryStmt &Try,
                                               const FunctionDecl &Coroutine,
                                               ASTContext &Ctx) {
  llvm::SmallVector<const Expr *, 4> SuspensionPoints;
  helpers::collectSuspensionPoints(Try.getTryBlock(), SuspensionPoints);
  llvm::erase_if(SuspensionPoints, [](const Expr *Point) { return !mayThrowIntoBody(*Point); });
  if (SuspensionPoints.empty())
    return;
  const std::vector<Cancellation> Cancellations = helpers::cancellationsFor(
      SuspensionPoints, Coroutine, ExtraCancellationTypes, Ctx);

  const llvm::SmallVector<helpers::HandlerCatch, 4> Catches =
      helpers::firstCatches(Try, Cancellations);
  std::unique_ptr<CFG> Cfg;
  for (unsigned H = 0; H < Try.getNumHandlers(); ++H) {
    const CXXCatchStmt *Handler = Try.getHandler(H);
    // A test assertion's own handler (EXPECT_THROW's) reports what it
    // catches as the test's outcome.
    const bool Scaffolding = helpers::isTestMacroScaffolding(
        Handler->getCatchLoc(), Ctx.getSourceManager(), Ctx.getLangOpts());
    llvm::SmallVector<Swallowed, 2> Lost;
    for (const helpers::HandlerCatch &Catch : Catches) {
      if (Catch.Handler != Handler)
        continue;
      const size_t I = Catch.Cancellation;
      const CatchKind Kind = Catch.Kind;
      if (Scaffolding)
        continue;
      if (!Cfg && !(Cfg = helpers::buildBodyCFG(Coroutine, Ctx)))
        return;
      const CancellationAssumption Assumption(CancellationCodes, Ctx,
                                              Cancellations[I],
                                              Handler->getExceptionDecl());
      HandlerPaths Paths =
          HandlerWalk(Try, *Handler, Cancellations[I], Kind, Assumption,
                      AllowTranslation, ExceptionKeepers)
              .run(*Cfg);
      if (!Paths.Escapes.empty())
        Lost.push_back({&Cancellations[I], Kind, std::move(Paths)});
    }
    if (Lost.empty())
      continue;

    const Swallowed &First = Lost.front();
    const bool RequestBoundary = llvm::all_of(Lost, returnsErrors);
    if (RequestBoundary && IgnoreBroadHandlersReturningErrors)
      continue;
    diag(Handler->getCatchLoc(),
         "%select{handler|request-boundary handler}3 swallows cancellation: "
         "'%0'%select{| carrying '%2'}1 raised at a suspension point in the try "
         "block is caught here and %select{not rethrown, so the cancelled "
         "coroutine appears to finish normally|returned as an error result, so "
         "the cancelled coroutine appears to have failed}3")
        << First.C->Spelling << !First.C->AbortedCode.empty()
        << First.C->AbortedCode << RequestBoundary
        << HandlerFix(*Handler, Ctx.getSourceManager(), Ctx.getLangOpts())
               .build(Lost);
    noteEscapes(*this, *Handler, First, Ctx.getSourceManager());
  }
}

void SwallowedCancellationCheck::checkLoopOnCancelledCode(const IfStmt &If,
                                                          ASTContext &Ctx) {
  const Expr *Cond = If.getCond();
  if (!Cond)
    return;
  const CancellationAssumption Assumption(CancellationCodes, Ctx);
  const std::optional<bool> TakenIfCancelled = Assumption.valueOf(Cond);
  if (!TakenIfCancelled)
    return;
  const auto *Continue = dyn_cast_or_null<ContinueStmt>(
      lastStatement(*TakenIfCancelled ? If.getThen() : If.getElse()));
  if (!Continue)
    return;
  diag(Continue->getBeginLoc(),
       "'continue' after a cancelled operation ('%0') starts the next "
       "iteration, so the loop ignores the cancellation")
      << Assumption.firstCode(Cond)->getQualifiedNameAsString();
  diag(Cond->getBeginLoc(), "the operation's cancellation is detected here",
       DiagnosticIDs::Note);
}

void SwallowedCancellationCheck::checkUnhandledException(
    const CXXMethodDecl &Method, const SourceManager &SM) {
  const Stmt *Body = Method.getBody();
  if (!Body || !dropsException(Body, SM, ExceptionKeepers))
    return;
  diag(Method.getLocation(),
       "'unhandled_exception' drops the exception, so the awaiting code sees a "
       "normal completion, even of a cancelled coroutine");
  diag(Method.getLocation(),
       "store 'std::current_exception()' and rethrow it on resumption, or rethrow "
       "it here",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

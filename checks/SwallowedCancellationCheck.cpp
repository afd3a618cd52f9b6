//===- SwallowedCancellationCheck.cpp - async-swallowed-cancellation ===//
#include "SwallowedCancellationCheck.h"
#include "frameworks/Registry.h"
#include "utils/BodyCFG.h"
#include "utils/CancellationAssumption.h"
#include "utils/CaughtCancellation.h"
#include "utils/CoroutineMatchers.h"
#include "utils/SuspensionPoints.h"

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
              const CancellationAssumption &Assumption, bool AllowTranslation)
      : Handler(Handler), C(C), Kind(Kind), Assumption(Assumption),
        AllowTranslation(AllowTranslation),
        InHandler(&Handler), InTryBlock(Try.getTryBlock()) {}

  HandlerPaths run(const CFG &Cfg) {
    HandlerPaths Paths;
    const CFGBlock *Entry = helpers::handlerEntry(Cfg, Handler);
    if (!Entry)
      return Paths;

    // Jump is the jump statement that last left a block of the handler;
    // once the path has Left the handler, it names the exit (null: the
    // handler's end). A block is visited once per such state, so that a
    // `continue` and a fall-off reaching the same loop header both count.
    struct Step {
      const CFGBlock *Block;
      const Stmt *Jump;
      bool Left;
    };
    llvm::SmallVector<Step, 16> Work{{Entry, nullptr, false}};
    llvm::DenseSet<std::tuple<const CFGBlock *, const Stmt *, unsigned>> Seen;
    while (!Work.empty()) {
      auto [Block, Jump, Left] = Work.pop_back_val();
      if (!Seen.insert({Block, Jump, unsigned(Left)}).second)
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
      std::optional<bool> CondIfCancelled;
      if (!Left && Block->succ_size() == 2)
        if (const Expr *Cond = Block->getLastCondition())
          CondIfCancelled = Assumption.valueOf(Cond);
      unsigned Index = 0;
      for (const CFGBlock *Succ : Block->succs()) {
        const bool RuledOut = CondIfCancelled && *CondIfCancelled != (Index == 0);
        ++Index;
        if (Succ && !RuledOut)
          Work.push_back({Succ, Jump, Left});
      }
    }
    return Paths;
  }

private:
  static void addEscape(HandlerPaths &Paths, Escape E) {
    if (!llvm::is_contained(Paths.Escapes, E))
      Paths.Escapes.push_back(E);
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
      // Whoever takes the exception_ptr (a variable rethrown after the
      // cleanup) decides its fate.
      if (isStdFunction(Callee, "current_exception"))
        return Propagates;
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
  helpers::StmtRegion InHandler;
  helpers::StmtRegion InTryBlock;
};

/// A cancellation a handler is the first to catch, and how it loses it.
struct Swallowed {
  const Cancellation *C;
  CatchKind Kind;
  HandlerPaths Paths;
};

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
    // What should replace a co_return is for the author to decide. Code
    // after the handler that rethrows on some paths would be skipped.
    for (const Swallowed &S : All)
      if (S.Paths.PropagatedLater ||
          llvm::any_of(S.Paths.Escapes, [](const Escape &E) {
            return E.Kind == EscapeKind::CoReturn;
          }))
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
bool dropsException(const Stmt *S, const SourceManager &SM) {
  if (isa<CXXThrowExpr, CXXUnresolvedConstructExpr>(S))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee->isNoReturn() ||
        !SM.isInSystemHeader(Callee->getLocation()) ||
        isStdFunction(Callee, "current_exception") ||
        isStdFunction(Callee, "rethrow_exception"))
      return false;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor->isTrivial() && !SM.isInSystemHeader(Ctor->getLocation()))
      return false;
  }
  return llvm::all_of(S->children(), [&](const Stmt *Child) {
    return !Child || dropsException(Child, SM);
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

} // namespace

SwallowedCancellationCheck::SwallowedCancellationCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawCancellationTypes(Options.get("CancellationTypes", "")),
      RawCancellationErrorCodes(Options.get("CancellationErrorCodes", "")),
      AllowTranslation(Options.get("AllowTranslation", false)) {
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
  if (SuspensionPoints.empty())
    return;
  const std::vector<Cancellation> Cancellations = helpers::cancellationsFor(
      SuspensionPoints, Coroutine, ExtraCancellationTypes, Ctx);

  const llvm::SmallVector<helpers::HandlerCatch, 4> Catches =
      helpers::firstCatches(Try, Cancellations);
  std::unique_ptr<CFG> Cfg;
  for (unsigned H = 0; H < Try.getNumHandlers(); ++H) {
    const CXXCatchStmt *Handler = Try.getHandler(H);
    llvm::SmallVector<Swallowed, 2> Lost;
    for (const helpers::HandlerCatch &Catch : Catches) {
      if (Catch.Handler != Handler)
        continue;
      const size_t I = Catch.Cancellation;
      const CatchKind Kind = Catch.Kind;
      if (!Cfg && !(Cfg = helpers::buildBodyCFG(Coroutine, Ctx)))
        return;
      const CancellationAssumption Assumption(CancellationCodes, Ctx,
                                              Cancellations[I],
                                              Handler->getExceptionDecl());
      HandlerPaths Paths =
          HandlerWalk(Try, *Handler, Cancellations[I], Kind, Assumption,
                      AllowTranslation)
              .run(*Cfg);
      if (!Paths.Escapes.empty())
        Lost.push_back({&Cancellations[I], Kind, std::move(Paths)});
    }
    if (Lost.empty())
      continue;

    const Swallowed &First = Lost.front();
    diag(Handler->getCatchLoc(),
         "handler swallows cancellation: '%0'%select{| carrying '%2'}1 raised "
         "at a suspension point in the try block is caught here and not "
         "rethrown, so the cancelled coroutine appears to finish normally")
        << First.C->Spelling << !First.C->AbortedCode.empty()
        << First.C->AbortedCode
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
  if (!Body || !dropsException(Body, SM))
    return;
  diag(Method.getLocation(),
       "'unhandled_exception' drops the exception: anything thrown out of the "
       "coroutine body, cancellation included, is lost and the awaiting code "
       "sees a normal completion; store 'std::current_exception()' or "
       "rethrow");
}

} // namespace clang::tidy::async

//===- CancellationRethrowFix.cpp - the fix-it rethrowing a cancellation ===//
#include "utils/CancellationRethrowFix.h"

#include "clang-tidy/utils/LexerUtils.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSet.h"

#include <optional>
#include <string>

namespace clang::tidy::async::helpers {

namespace {

/// The identifiers written in a piece of source text.
llvm::StringSet<> identifiersIn(StringRef Text) {
  llvm::StringSet<> Names;
  while (!Text.empty()) {
    Text = Text.drop_until([](char Ch) { return isAsciiIdentifierStart(Ch); });
    StringRef Name =
        Text.take_while([](char Ch) { return isAsciiIdentifierContinue(Ch); });
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
      : Handler(Handler),
        Body(dyn_cast<CompoundStmt>(Handler.getHandlerBlock())), SM(SM),
        LangOpts(LangOpts) {}

  std::vector<FixItHint> build(ArrayRef<SwallowedCancellation> All) {
    if (!Body || Handler.getCatchLoc().isMacroID() ||
        Body->getLBracLoc().isMacroID() || Body->getRBracLoc().isMacroID())
      return {};
    // Code after the handler that rethrows on some paths would be skipped.
    // A co_return stays: the edits below rethrow before the body runs, or
    // (for a handler of the cancellation alone) only at a fall-off end.
    for (const SwallowedCancellation &S : All)
      if (S.Paths.PropagatedLater)
        return {};

    std::string Preceding, AtStart;
    bool RethrowAtEnd = false;
    for (const SwallowedCancellation &S : All) {
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
            " *>(&" + Var + "); " + Ptr + " && " + Ptr +
            "->code() == " + C.AbortedCode + ") throw;")
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
    const SourceLocation TypeEnd =
        Var->getTypeSourceInfo()->getTypeLoc().getEndLoc();
    const SourceLocation AfterType =
        Lexer::getLocForEndOfToken(TypeEnd, 0, SM, LangOpts);
    // `T &` takes the name as `T &e`, `T&` as `T& e`.
    const bool Declarator =
        Lexer::getSourceText(CharSourceRange::getCharRange(TypeEnd, AfterType),
                             SM, LangOpts)
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
      return Lexer::getIndentationForLine(
                 SM.getExpansionLoc(Sample->getBeginLoc()), SM)
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
      const bool Spaced =
          isWhitespace(*SM.getCharacterData(Brace.getLocWithOffset(-1)));
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

} // namespace

std::vector<FixItHint>
cancellationRethrowFix(const CXXCatchStmt &Handler,
                       ArrayRef<SwallowedCancellation> Lost,
                       const SourceManager &SM, const LangOptions &LangOpts) {
  return HandlerFix(Handler, SM, LangOpts).build(Lost);
}

} // namespace clang::tidy::async::helpers

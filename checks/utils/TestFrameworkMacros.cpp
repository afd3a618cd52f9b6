//===- TestFrameworkMacros.cpp - code a test framework's macros write ----===//
#include "utils/TestFrameworkMacros.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::helpers {

namespace {

/// GoogleTest's, Catch2's and doctest's assertion macros, public and
/// internal, by prefix.
bool isTestFrameworkMacro(StringRef Name) {
  static constexpr StringRef Prefixes[] = {
      "EXPECT_", "ASSERT_", "GTEST_",          "CHECK",   "REQUIRE",
      "WARN_",   "CATCH_",  "INTERNAL_CATCH_", "DOCTEST_"};
  return llvm::any_of(Prefixes,
                      [&](StringRef P) { return Name.starts_with(P); });
}

bool isDeathTestMacro(StringRef Name) {
  return (Name.starts_with("EXPECT_") || Name.starts_with("ASSERT_") ||
          Name.starts_with("GTEST_")) &&
         (Name.contains("DEATH") || Name.ends_with("_EXIT"));
}

/// Whether one of the macros whose expansion Loc is in satisfies Pred.
template <typename Predicate>
bool inMacroWhere(SourceLocation Loc, const SourceManager &SM,
                  const LangOptions &LangOpts, Predicate Pred) {
  for (; Loc.isMacroID(); Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (Pred(Lexer::getImmediateMacroName(Loc, SM, LangOpts)))
      return true;
  return false;
}

} // namespace

bool isTestMacroScaffolding(SourceLocation Loc, const SourceManager &SM,
                            const LangOptions &LangOpts) {
  // An argument's tokens reach the expansion as macro-argument expansions.
  return Loc.isMacroID() && !SM.isMacroArgExpansion(Loc) &&
         inMacroWhere(Loc, SM, LangOpts, isTestFrameworkMacro);
}

bool isInDeathTestStatement(SourceLocation Loc, const SourceManager &SM,
                            const LangOptions &LangOpts) {
  return Loc.isMacroID() && SM.isMacroArgExpansion(Loc) &&
         inMacroWhere(Loc, SM, LangOpts, isDeathTestMacro);
}

} // namespace clang::tidy::async::helpers

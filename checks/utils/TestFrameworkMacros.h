//===- TestFrameworkMacros.h - code a test framework's macros write ------===//
//
// GoogleTest, Catch2 and doctest assertions expand to try/catch blocks of
// their own (EXPECT_THROW, CHECK_THROWS_AS, REQUIRE's unexpected-exception
// handler), and a death test's statement runs in a child process. What the
// macro writes is scaffolding; what the user passes as an argument is user
// code.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_TESTFRAMEWORKMACROS_H
#define CORIO_CHECKS_UTILS_TESTFRAMEWORKMACROS_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::helpers {

/// Whether the token at Loc is written by a test framework's assertion
/// macro itself, not passed to it as an argument.
bool isTestMacroScaffolding(SourceLocation Loc, const SourceManager &SM,
                            const LangOptions &LangOpts);

/// Whether Loc lies in the statement a death test (EXPECT_DEATH,
/// ASSERT_EXIT, ...) runs in a child process.
bool isInDeathTestStatement(SourceLocation Loc, const SourceManager &SM,
                            const LangOptions &LangOpts);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_TESTFRAMEWORKMACROS_H

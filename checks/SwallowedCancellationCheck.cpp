//===- SwallowedCancellationCheck.cpp - async-swallowed-cancellation ===//
#include "SwallowedCancellationCheck.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

// TODO(issue): not implemented yet; registered so the module layout is final.
void SwallowedCancellationCheck::registerMatchers(MatchFinder *) {}

void SwallowedCancellationCheck::check(const MatchFinder::MatchResult &) {}

} // namespace clang::tidy::async

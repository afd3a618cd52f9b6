//===- SuspendInScopeCheck.cpp - async-suspend-in-scope ===//
#include "SuspendInScopeCheck.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

// TODO(issue): not implemented yet; registered so the module layout is final.
void SuspendInScopeCheck::registerMatchers(MatchFinder *) {}

void SuspendInScopeCheck::check(const MatchFinder::MatchResult &) {}

} // namespace clang::tidy::async

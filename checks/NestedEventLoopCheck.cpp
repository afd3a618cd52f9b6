//===- NestedEventLoopCheck.cpp - async-nested-event-loop ===//
#include "NestedEventLoopCheck.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

// TODO(issue): not implemented yet; registered so the module layout is final.
void NestedEventLoopCheck::registerMatchers(MatchFinder *) {}

void NestedEventLoopCheck::check(const MatchFinder::MatchResult &) {}

} // namespace clang::tidy::async

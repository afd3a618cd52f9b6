//===- DetachedTaskCheck.cpp - async-detached-task ===//
#include "DetachedTaskCheck.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

// TODO(issue): not implemented yet; registered so the module layout is final.
void DetachedTaskCheck::registerMatchers(MatchFinder *) {}

void DetachedTaskCheck::check(const MatchFinder::MatchResult &) {}

} // namespace clang::tidy::async

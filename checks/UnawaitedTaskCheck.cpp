//===- UnawaitedTaskCheck.cpp - async-unawaited-task ===//
#include "UnawaitedTaskCheck.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

// TODO(issue): not implemented yet; registered so the module layout is final.
void UnawaitedTaskCheck::registerMatchers(MatchFinder *) {}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &) {}

} // namespace clang::tidy::async

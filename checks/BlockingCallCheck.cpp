//===- BlockingCallCheck.cpp - async-blocking-call ------------------------===//
#include "BlockingCallCheck.h"
#include "utils/CoroutineMatchers.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {
/// The name users know a declaration by: class templates without their
/// arguments ("std::future", not "std::future<int>").
std::string displayName(const NamedDecl &D) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&D))
    return Spec->getSpecializedTemplate()->getQualifiedNameAsString();
  return D.getQualifiedNameAsString();
}
} // namespace

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  auto Sleep = callExpr(callee(functionDecl(hasAnyName(
      "::std::this_thread::sleep_for", "::std::this_thread::sleep_until"))));
  // wait() and friends are inherited from an implementation base in some
  // standard libraries, so the object's type decides, not the method's class.
  auto FutureWait = cxxMemberCallExpr(
      callee(cxxMethodDecl(hasAnyName("get", "wait", "wait_for", "wait_until"))),
      on(expr(hasType(cxxRecordDecl(hasAnyName("::std::future", "::std::shared_future"))
                          .bind("object-class")))));

  Finder->addMatcher(
      callExpr(anyOf(Sleep, FutureWait), callee(functionDecl().bind("callee")),
               matchers::inCoroutineBody())
          .bind("call"),
      this);
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
  std::string Name = Callee->getQualifiedNameAsString();
  if (const auto *Class = Result.Nodes.getNodeAs<CXXRecordDecl>("object-class"))
    Name = displayName(*Class) + "::" + Callee->getNameAsString();
  diag(Call->getBeginLoc(), "'%0' blocks the thread that runs the event loop; "
                            "every other task on it stalls until it returns")
      << Name;
}

} // namespace clang::tidy::async

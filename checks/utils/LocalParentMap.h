//===- LocalParentMap.h - parent lookups without mapping the whole TU -----===//
//
// ASTContext::getParents() maps the parents of every node of the traversal
// scope the first time it is asked, which costs 10-20% of parsing a TU. A
// check that needs parents only around a finding can narrow the scope to the
// declaration the finding is in for as long as it asks.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_LOCALPARENTMAP_H
#define CORIO_CHECKS_UTILS_LOCALPARENTMAP_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"

#include <vector>

namespace clang::tidy::async::helpers {

/// While alive, getParents() answers from a map of the outermost function or
/// class around D (so "is this in a template instantiation / a lambda / a
/// catch handler" still sees the enclosing class or function). Restores the
/// previous scope, and with it the full map on its next use, when destroyed.
class LocalParentMap {
public:
  LocalParentMap(ASTContext &Context, const Decl &D)
      : Context(Context), Saved(Context.getTraversalScope()) {
    const Decl *Root = &D;
    for (const DeclContext *DC = D.getDeclContext();
         DC && (isa<FunctionDecl>(DC) || isa<RecordDecl>(DC)); DC = DC->getParent())
      Root = cast<Decl>(DC);
    // A lambda's body is reached through its LambdaExpr, not its class: a
    // lambda outside any function (a variable's initializer) keeps the full
    // map.
    if (const auto *Class = dyn_cast<CXXRecordDecl>(Root); Class && Class->isLambda())
      return;
    Context.setTraversalScope({const_cast<Decl *>(Root)});
    Narrowed = true;
  }
  /// Narrows to the top-level declarations written in the file of Loc (its
  /// expansion): the code around a finding, without the headers.
  LocalParentMap(ASTContext &Context, SourceLocation Loc)
      : Context(Context), Saved(Context.getTraversalScope()) {
    const SourceManager &SM = Context.getSourceManager();
    const FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
    std::vector<Decl *> InFile;
    for (Decl *TopLevel : Context.getTranslationUnitDecl()->decls())
      if (SM.getFileID(SM.getExpansionLoc(TopLevel->getLocation())) == File)
        InFile.push_back(TopLevel);
    Context.setTraversalScope(InFile);
    Narrowed = true;
  }
  ~LocalParentMap() {
    if (Narrowed)
      Context.setTraversalScope(Saved);
  }
  LocalParentMap(const LocalParentMap &) = delete;
  LocalParentMap &operator=(const LocalParentMap &) = delete;

private:
  ASTContext &Context;
  std::vector<Decl *> Saved;
  bool Narrowed = false;
};

/// The function or lambda whose body contains S (what forCallable finds),
/// from getParents(): use it inside a LocalParentMap.
inline const FunctionDecl *enclosingCallable(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  while (!Parents.empty()) {
    if (const auto *Function = Parents[0].get<FunctionDecl>())
      return Function;
    if (const auto *Lambda = Parents[0].get<LambdaExpr>())
      return Lambda->getCallOperator();
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_LOCALPARENTMAP_H

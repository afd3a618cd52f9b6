//===- BodyCFG.h - a coroutine body's CFG and the regions of its blocks ---===//
//
// The cancellation checks follow paths from a catch handler through the CFG
// of the coroutine's written body and ask, block by block, whether a path is
// still in the handler, back in the try block, or past both.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_BODYCFG_H
#define CORIO_CHECKS_UTILS_BODYCFG_H

#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"

#include <memory>
#include <optional>

namespace clang::tidy::async::helpers {

/// The CFG of Coroutine's written body (without the code Sema synthesizes
/// around it), every statement an element; null if it cannot be built.
inline std::unique_ptr<CFG> buildBodyCFG(const FunctionDecl &Coroutine,
                                         ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(Coroutine.getBody());
  if (!Body || !Body->getBody())
    return nullptr;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  return CFG::buildCFG(&Coroutine, Body->getBody(), &Ctx, Options);
}

/// A statement and everything under it.
class StmtRegion {
public:
  explicit StmtRegion(const Stmt *Root)
      : Root(Root), Descendants(const_cast<Stmt *>(Root)) {}
  bool contains(const Stmt *S) const {
    return S == Root || Descendants.hasParent(S);
  }

private:
  const Stmt *Root;
  ParentMap Descendants;
};

/// Whether the block's statements lie in Region; nullopt for a block
/// without statements (a join point).
inline std::optional<bool> belongsTo(const CFGBlock &Block,
                                     const StmtRegion &Region) {
  for (const CFGElement &Element : Block)
    if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
      return Region.contains(S->getStmt());
  if (const Stmt *Terminator = Block.getTerminatorStmt())
    return Region.contains(Terminator);
  return std::nullopt;
}

/// The entry block of Handler in Cfg, or null.
inline const CFGBlock *handlerEntry(const CFG &Cfg, const CXXCatchStmt &Handler) {
  for (const CFGBlock *Block : Cfg)
    if (Block->getLabel() == &Handler)
      return Block;
  return nullptr;
}

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_BODYCFG_H

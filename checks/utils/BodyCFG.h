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
#include "llvm/ADT/STLExtras.h"

#include <memory>
#include <optional>

namespace clang::tidy::async::helpers {

/// The CFG of Coroutine's written body (without the code Sema synthesizes
/// around it), every statement an element; null if it cannot be built.
std::unique_ptr<CFG> buildBodyCFG(const FunctionDecl &Coroutine,
                                  ASTContext &Ctx);

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

/// The statement Element evaluates, or null for the other kinds of
/// element (destructor calls, lifetime ends, ...).
inline const Stmt *statementOf(const CFGElement &Element) {
  std::optional<CFGStmt> Item = Element.getAs<CFGStmt>();
  return Item ? Item->getStmt() : nullptr;
}

/// The statements of Block's elements, in evaluation order.
inline auto statementsIn(const CFGBlock &Block) {
  return llvm::map_range(
      llvm::make_filter_range(Block,
                              [](const CFGElement &Element) {
                                return statementOf(Element) != nullptr;
                              }),
      statementOf);
}

/// Whether the block's statements lie in Region; nullopt for a block
/// without statements (a join point).
std::optional<bool> belongsTo(const CFGBlock &Block, const StmtRegion &Region);

/// The entry block of Handler in Cfg, or null.
const CFGBlock *handlerEntry(const CFG &Cfg, const CXXCatchStmt &Handler);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_BODYCFG_H

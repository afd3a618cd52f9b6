//===- BodyCFG.cpp - a coroutine body's CFG and the regions of its blocks -===//
#include "utils/BodyCFG.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"

namespace clang::tidy::async::helpers {

std::unique_ptr<CFG> buildBodyCFG(const FunctionDecl &Coroutine,
                                  ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(Coroutine.getBody());
  if (!Body || !Body->getBody())
    return nullptr;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  return CFG::buildCFG(&Coroutine, Body->getBody(), &Ctx, Options);
}

std::optional<bool> belongsTo(const CFGBlock &Block, const StmtRegion &Region) {
  if (auto Statements = statementsIn(Block); !Statements.empty())
    return Region.contains(*Statements.begin());
  if (const Stmt *Terminator = Block.getTerminatorStmt())
    return Region.contains(Terminator);
  return std::nullopt;
}

const CFGBlock *handlerEntry(const CFG &Cfg, const CXXCatchStmt &Handler) {
  for (const CFGBlock *Block : Cfg)
    if (Block->getLabel() == &Handler)
      return Block;
  return nullptr;
}

} // namespace clang::tidy::async::helpers

//===- ParentIndex.h - parent lookups that leave ASTContext alone ---------===//
//
// ASTContext::getParents() maps every node of the traversal scope the first
// time anyone asks, and the map is shared: changing the traversal scope to
// make it cheaper discards it for every other check, and under clangd it
// replaces the very list of declarations the match traversal is iterating.
//
// A ParentIndex keeps a private map instead, built one top-level declaration
// at a time: the one whose source range holds the node asked about. It
// answers as ASTContext::getParents() does with TK_AsIs for statements and
// declarations (a node reached twice from one parent has that parent once),
// and it never writes to the ASTContext.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_PARENTINDEX_H
#define CORIO_CHECKS_UTILS_PARENTINDEX_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

#include <vector>

namespace clang::tidy::async::helpers {

class ParentIndex {
public:
  /// The index for Context: a check keeps one across translation units, and
  /// it forgets what it knew when the context changes.
  ParentIndex &forContext(ASTContext &Context);

  /// The parents of Node: statements, declarations, and the decltype
  /// specifiers that hold expressions (other type locations are looked
  /// through). A top-level declaration has none. The list stays valid until
  /// a node outside the declarations indexed so far is asked about.
  DynTypedNodeList get(const DynTypedNode &Node);
  template <class T> DynTypedNodeList get(const T &Node) {
    return get(DynTypedNode::create(Node));
  }

  ASTContext &context() const { return *Context; }

private:
  /// A declaration at namespace scope, with the file offsets it spans.
  struct Root {
    unsigned Begin;
    unsigned End;
    Decl *D;
  };

  void collectRoots();
  void index(Decl &RootDecl);
  /// Indexes roots until Node is known; false if no root holds it.
  bool indexRootsHolding(const DynTypedNode &Node);

  ASTContext *Context = nullptr;
  llvm::DenseMap<DynTypedNode, llvm::SmallVector<DynTypedNode, 1>,
                 DynTypedNode::DenseMapInfo>
      Parents;
  bool RootsCollected = false;
  llvm::DenseMap<FileID, std::vector<Root>> RootsByFile;
  std::vector<Decl *> UnlocatedRoots;
  llvm::DenseSet<const Decl *> Indexed;
  bool EverythingIndexed = false;
};

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_PARENTINDEX_H

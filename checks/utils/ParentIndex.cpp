//===- ParentIndex.cpp - parent lookups that leave ASTContext alone -------===//
#include "ParentIndex.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::helpers {

namespace {

using ParentLists =
    llvm::DenseMap<DynTypedNode, llvm::SmallVector<DynTypedNode, 1>,
                   DynTypedNode::DenseMapInfo>;

/// Records, for every node below one declaration, the node it was reached
/// from, walking as ASTContext's own parent map does (implicit code and
/// template instantiations included).
class ParentRecorder : public RecursiveASTVisitor<ParentRecorder> {
  using Base = RecursiveASTVisitor<ParentRecorder>;

public:
  explicit ParentRecorder(ParentLists &Parents) : Parents(Parents) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    const DynTypedNode Node = DynTypedNode::create(*D);
    enter(Node);
    const bool Result = Base::TraverseDecl(D);
    Stack.pop_back();
    return Result;
  }

  /// Only decltype specifiers are kept as parents, so that "is this in an
  /// unevaluated operand" can see them; other type locations are numerous
  /// and nobody asks about them.
  bool TraverseTypeLoc(TypeLoc TL, bool TraverseQualifier = true) {
    if (TL.isNull() || !TL.getAs<DecltypeTypeLoc>())
      return Base::TraverseTypeLoc(TL, TraverseQualifier);
    enter(DynTypedNode::create(TL));
    const bool Result = Base::TraverseTypeLoc(TL, TraverseQualifier);
    Stack.pop_back();
    return Result;
  }

  // Statements through the data-recursion hooks, which keep deep
  // expressions off the call stack.
  bool dataTraverseStmtPre(Stmt *S) {
    enter(DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Stack.pop_back();
    return true;
  }

private:
  void enter(const DynTypedNode &Node) {
    llvm::SmallVector<DynTypedNode, 1> &List = Parents[Node];
    if (!Stack.empty() && !llvm::is_contained(List, Stack.back()))
      List.push_back(Stack.back());
    Stack.push_back(Node);
  }

  ParentLists &Parents;
  llvm::SmallVector<DynTypedNode, 32> Stack;
};

} // namespace

ParentIndex &ParentIndex::forContext(ASTContext &NewContext) {
  if (Context == &NewContext)
    return *this;
  *this = ParentIndex();
  Context = &NewContext;
  return *this;
}

DynTypedNodeList ParentIndex::get(const DynTypedNode &Asked) {
  // A copy: Asked may be an element of a list this index returned, which
  // indexing a new root moves.
  const DynTypedNode Node = Asked;
  auto Found = Parents.find(Node);
  if (Found == Parents.end()) {
    if (!indexRootsHolding(Node))
      return llvm::ArrayRef<DynTypedNode>();
    Found = Parents.find(Node);
  }
  return llvm::ArrayRef<DynTypedNode>(Found->second);
}

namespace {
/// The declarations below D that are not namespaces (or alike): the roots a
/// node can be found under.
void appendRoots(Decl &D, std::vector<Decl *> &Roots) {
  if (isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
    for (Decl *Child : cast<DeclContext>(D).decls())
      appendRoots(*Child, Roots);
    return;
  }
  Roots.push_back(&D);
}
} // namespace

void ParentIndex::collectRoots() {
  RootsCollected = true;
  // The traversal scope is read, never set: the whole TU in a batch run, the
  // main file's declarations under clangd (whose preamble stays unloaded).
  std::vector<Decl *> Roots;
  for (Decl *D : Context->getTraversalScope())
    appendRoots(*D, Roots);
  const SourceManager &SM = Context->getSourceManager();
  for (Decl *D : Roots) {
    const CharSourceRange Range = SM.getExpansionRange(D->getSourceRange());
    const auto [BeginFile, Begin] = SM.getDecomposedLoc(Range.getBegin());
    const auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
    if (Range.getBegin().isInvalid() || BeginFile != EndFile)
      UnlocatedRoots.push_back(D);
    else
      RootsByFile[BeginFile].push_back({Begin, End, D});
  }
}

void ParentIndex::index(Decl &RootDecl) {
  if (!Indexed.insert(&RootDecl).second)
    return;
  ParentRecorder(Parents).TraverseDecl(&RootDecl);
}

bool ParentIndex::indexRootsHolding(const DynTypedNode &Node) {
  if (EverythingIndexed)
    return false;
  if (!RootsCollected)
    collectRoots();
  const SourceManager &SM = Context->getSourceManager();
  const SourceLocation Loc = Node.getSourceRange().getBegin();
  if (Loc.isValid()) {
    const auto [File, Offset] = SM.getDecomposedExpansionLoc(Loc);
    if (auto Roots = RootsByFile.find(File); Roots != RootsByFile.end()) {
      // First the declarations around the node; then the rest of its file,
      // for a template instantiated through a declaration written earlier.
      for (const Root &R : Roots->second)
        if (R.Begin <= Offset && Offset <= R.End && !Indexed.contains(R.D)) {
          index(*R.D);
          if (Parents.contains(Node))
            return true;
        }
      for (const Root &R : Roots->second)
        if (!Indexed.contains(R.D)) {
          index(*R.D);
          if (Parents.contains(Node))
            return true;
        }
    }
  }
  // Last resort, at most once per translation unit: everything.
  EverythingIndexed = true;
  for (auto &FileRoots : RootsByFile)
    for (const Root &R : FileRoots.second)
      index(*R.D);
  for (Decl *D : UnlocatedRoots)
    index(*D);
  return Parents.contains(Node);
}

} // namespace clang::tidy::async::helpers

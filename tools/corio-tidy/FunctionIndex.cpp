//===- FunctionIndex.cpp - where each function definition lies -----------===//
//
// A frontend plugin compiled into corio-tidy: clang runs every registered
// "add after main action" plugin whose ParseArgs accepts, next to
// clang-tidy's own AST consumer, so the index is built from the same parse.
//
//===----------------------------------------------------------------------===//
#include "FunctionIndex.h"
#include "Paths.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace corio::report {
namespace {

struct FunctionSpan {
  unsigned Begin;
  unsigned End;
  std::string Name;
};

bool IndexEnabled = false;
// Keyed by absolute file path; a header seen by several translation units
// is recorded once per unit, which lookups do not mind.
llvm::StringMap<std::vector<FunctionSpan>> &spansByFile() {
  static llvm::StringMap<std::vector<FunctionSpan>> Spans;
  return Spans;
}

class FunctionRecorder : public clang::RecursiveASTVisitor<FunctionRecorder> {
public:
  explicit FunctionRecorder(clang::CompilerInstance &CI)
      : SM(CI.getSourceManager()),
        Policy(CI.getASTContext().getPrintingPolicy()) {
    // The default spells anonymous classes with their line, which would
    // make the name move with the code.
    Policy.AnonymousTagLocations = false;
    if (auto Cwd = CI.getVirtualFileSystem().getCurrentWorkingDirectory())
      WorkingDirectory = *Cwd;
  }

  // Findings in system headers are not reported by default; skipping them
  // keeps the walk to the project's own code.
  bool TraverseDecl(clang::Decl *D) {
    if (D && !llvm::isa<clang::TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody())
      return true;
    if (const auto *Method = llvm::dyn_cast<clang::CXXMethodDecl>(FD);
        Method && Method->getParent()->isLambda())
      return true;
    clang::CharSourceRange Range = SM.getExpansionRange(FD->getSourceRange());
    auto [BeginFile, Begin] = SM.getDecomposedLoc(Range.getBegin());
    auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
    if (BeginFile != EndFile)
      return true;
    clang::OptionalFileEntryRef File = SM.getFileEntryRefForID(BeginFile);
    if (!File)
      return true;
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    FD->printQualifiedName(OS, Policy);
    // The range ends at the start of the closing brace; +1 covers it.
    spansByFile()[absolutePath(File->getName(), WorkingDirectory)].push_back(
        {Begin, End + 1, std::move(Name)});
    return true;
  }

private:
  const clang::SourceManager &SM;
  clang::PrintingPolicy Policy;
  std::string WorkingDirectory;
};

class FunctionIndexConsumer : public clang::ASTConsumer {
public:
  explicit FunctionIndexConsumer(clang::CompilerInstance &CI) : Recorder(CI) {}
  void HandleTranslationUnit(clang::ASTContext &Context) override {
    Recorder.TraverseDecl(Context.getTranslationUnitDecl());
  }

private:
  FunctionRecorder Recorder;
};

class FunctionIndexAction : public clang::PluginASTAction {
protected:
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    return std::make_unique<FunctionIndexConsumer>(CI);
  }
  // Declining here keeps the consumer out of the parse altogether.
  bool ParseArgs(const clang::CompilerInstance &,
                 const std::vector<std::string> &) override {
    return IndexEnabled;
  }
  ActionType getActionType() override { return AddAfterMainAction; }
};

clang::FrontendPluginRegistry::Add<FunctionIndexAction> Registration(
    "corio-function-index",
    "record function definitions for corio-tidy's baseline fingerprints");

} // namespace

void enableFunctionIndex() { IndexEnabled = true; }

std::string enclosingFunction(llvm::StringRef AbsolutePath, unsigned Offset) {
  auto It = spansByFile().find(AbsolutePath);
  if (It == spansByFile().end())
    return {};
  const FunctionSpan *Innermost = nullptr;
  for (const FunctionSpan &Span : It->second)
    if (Span.Begin <= Offset && Offset < Span.End &&
        (!Innermost || Span.Begin > Innermost->Begin))
      Innermost = &Span;
  return Innermost ? Innermost->Name : std::string();
}

} // namespace corio::report

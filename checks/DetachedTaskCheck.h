//===- DetachedTaskCheck.h - async-detached-task -*- C++ -*-===//
#ifndef CORIO_CHECKS_DETACHEDTASKCHECK_H
#define CORIO_CHECKS_DETACHEDTASKCHECK_H

#include "frameworks/Framework.h"
#include "utils/CatalogueList.h"
#include "utils/ParentIndex.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

namespace clang::tidy::async {

/// Flags work started with nobody to join it: co_spawn with detached, thread::detach, folly start()
/// with the future dropped, and similar.
///
/// Docs: docs/checks/async-detached-task.md
class DetachedTaskCheck : public ClangTidyCheck {
public:
  DetachedTaskCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Reported.clear();
    Parents = helpers::ParentIndex();
  }

private:
  /// Where a warning was given: the instantiations of a template share their
  /// locations, and each location is reported once.
  llvm::DenseSet<SourceLocation> Reported;
  struct Pattern;
  const Pattern *patternOf(const CallExpr &Call, const FunctionDecl &Callee,
                           ASTContext &Ctx) const;
  void noteTaskGroup(const CallExpr &Call, const FunctionDecl &Coroutine,
                     bool IsCoSpawn, helpers::ParentIndex &Parents);
  /// Parents around the findings, never from the shared ASTContext map.
  helpers::ParentIndex Parents;

  const bool CheckAsio;
  const bool CheckStdThread;
  const bool CheckFolly;
  const bool CheckCobalt;
  const bool CheckAsyncSimple;
  const bool CheckLibcoro;
  /// The frameworks the Check<Framework> options select.
  std::vector<const frameworks::Framework *> selectedFrameworks() const;
  /// Catalogue detaching calls (spawning functions, Class::member), and the
  /// user's own functions (matched as regular expressions).
  const helpers::CatalogueList DetachingFunctions;
  /// The detaching calls each framework allows: kind of finding, the
  /// callee's unqualified name, the whole call.
  struct Pattern {
    StringRef Kind;
    StringRef Callee;
    ast_matchers::StatementMatcher Matcher;
    /// The framework the call belongs to.
    const frameworks::Framework *Framework;
    /// The detached token's classes, or the classes whose member is called.
    ArrayRef<StringRef> Classes;
    /// What becomes of the detached work's exception.
    frameworks::DetachedFailure Failure;
  };
  std::vector<Pattern> Patterns;
  /// Adds <corio/asio.hpp> for a corio::from_asio fix.
  utils::IncludeInserter Inserter;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_DETACHEDTASKCHECK_H

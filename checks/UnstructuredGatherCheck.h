//===- UnstructuredGatherCheck.h - async-unstructured-gather -*- C++ -*-===//
#ifndef CORIO_CHECKS_UNSTRUCTUREDGATHERCHECK_H
#define CORIO_CHECKS_UNSTRUCTUREDGATHERCHECK_H

#include "frameworks/Framework.h"
#include "utils/CatalogueList.h"
#include "utils/ParentIndex.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

namespace clang::tidy::async {

/// Flags combinators that neither cancel the other tasks when one fails nor
/// report every failure (asyncio.gather's shape) when their results, which
/// hold the failures, are discarded; with StrictMode, every such combinator.
///
/// Docs: docs/checks/async-unstructured-gather.md
class UnstructuredGatherCheck : public ClangTidyCheck {
public:
  UnstructuredGatherCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Reported.clear();
    Parents = helpers::ParentIndex();
  }

  /// How a combinator treats the failures of its tasks.
  using Failures = frameworks::Failures;
  struct Combinator {
    std::string Name; ///< qualified, without the leading "::"
    Failures What;
    /// The framework's own combinators that cancel the rest, quoted, if any.
    StringRef Structured;
  };

private:
  const Combinator *combinatorOf(const Expr &Operand) const;

  const bool CheckCppcoro;
  const bool CheckFolly;
  const bool CheckAsyncSimple;
  const bool CheckCobalt;
  const bool CheckAsio;
  const bool CheckLibcoro;
  const bool StrictMode;
  /// The frameworks the Check<Framework> options select, but Asio, whose
  /// parallel group has no name to list.
  std::vector<const frameworks::Framework *> namedFrameworks() const;
  /// The catalogue's combinators by name, and the user's own.
  const helpers::CatalogueList CombinatorNames;
  std::vector<Combinator> Combinators;
  /// Asio's parallel group, found by its member async_wait and its condition.
  const Combinator AsioWaitForAll;
  llvm::DenseSet<SourceLocation> Reported;
  helpers::ParentIndex Parents;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_UNSTRUCTUREDGATHERCHECK_H

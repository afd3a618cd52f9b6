//===- CatalogueList.h - a list option defaulting to catalogue names ------===//
//
// Upstream clang-tidy's list option: the default lives in the value
// (Options.get(Name, "<built-in list>")), so a value replaces the built-in
// list and can leave an entry out. Here the built-in list is the catalogue's
// names over the frameworks the check's Check<Framework> options select. A
// catalogue name in the value keeps its entry (matched as the catalogue
// matches it, with its data); any other name is the user's own.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_CATALOGUELIST_H
#define CORIO_CHECKS_UTILS_CATALOGUELIST_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/StringSet.h"

#include <string>
#include <vector>

namespace clang::tidy::async::helpers {

class CatalogueList {
public:
  /// Reads option \p Name. \p Selected: the catalogue names over the selected
  /// frameworks, the default. \p Catalogue: the names over every framework;
  /// a name of the value that only a deselected framework has is dropped.
  CatalogueList(ClangTidyCheck::OptionsView &Options, StringRef Name,
                ArrayRef<StringRef> Selected, ArrayRef<StringRef> Catalogue);
  /// The names point into Default.
  CatalogueList(const CatalogueList &) = delete;
  CatalogueList &operator=(const CatalogueList &) = delete;

  /// Whether the value keeps the catalogue entry named \p Qualified.
  bool keeps(StringRef Qualified) const;
  /// The catalogue names of \p Names the value keeps, for hasAnyName.
  std::vector<StringRef> kept(ArrayRef<StringRef> Names) const;
  /// The value's names that no framework's catalogue has, as written.
  ArrayRef<StringRef> userNames() const { return UserNames; }

  /// Stores the effective list: the value without its dropped names.
  void store(ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

private:
  StringRef Name;
  std::string Default;
  std::vector<StringRef> Effective;
  /// The kept catalogue names, without the leading "::".
  llvm::StringSet<> Kept;
  std::vector<StringRef> UserNames;
};

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_CATALOGUELIST_H

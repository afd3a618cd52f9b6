//===- CatalogueList.cpp - a list option defaulting to catalogue names ----===//
#include "utils/CatalogueList.h"
#include "frameworks/Framework.h"
#include "frameworks/Registry.h"

#include "clang-tidy/utils/OptionsUtils.h"

namespace clang::tidy::async::helpers {

CatalogueList::CatalogueList(ClangTidyCheck::OptionsView &Options,
                             StringRef Name, ArrayRef<StringRef> Selected,
                             ArrayRef<StringRef> Catalogue)
    : Name(Name), Default(frameworks::joinNames(Selected)) {
  llvm::StringSet<> SelectedNames, CatalogueNames;
  for (StringRef Entry : Selected)
    SelectedNames.insert(frameworks::spelled(Entry));
  for (StringRef Entry : Catalogue)
    CatalogueNames.insert(frameworks::spelled(Entry));
  for (StringRef Entry :
       utils::options::parseStringList(Options.get(Name, Default))) {
    const StringRef Spelled = frameworks::spelled(Entry);
    if (SelectedNames.contains(Spelled))
      Kept.insert(Spelled);
    else if (CatalogueNames.contains(Spelled))
      continue;
    else
      UserNames.push_back(Entry);
    Effective.push_back(Entry);
  }
}

bool CatalogueList::keeps(StringRef Qualified) const {
  return Kept.contains(frameworks::spelled(Qualified));
}

std::vector<StringRef> CatalogueList::kept(ArrayRef<StringRef> Names) const {
  std::vector<StringRef> Result;
  llvm::copy_if(Names, std::back_inserter(Result),
                [this](StringRef N) { return keeps(N); });
  return Result;
}

void CatalogueList::store(ClangTidyCheck::OptionsView &Options,
                          ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, Name, utils::options::serializeStringList(Effective));
}

} // namespace clang::tidy::async::helpers

//===- Registry.h - the frameworks the checks know ------------------------===//
#ifndef CORIO_CHECKS_FRAMEWORKS_REGISTRY_H
#define CORIO_CHECKS_FRAMEWORKS_REGISTRY_H

#include "frameworks/Framework.h"

#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::async::frameworks {

// One per file of this directory.
extern const Framework Asio;
extern const Framework AsyncSimple;
extern const Framework BoostThread;
extern const Framework Cobalt;
extern const Framework Corio;
extern const Framework Cppcoro;
extern const Framework Curl;
extern const Framework Folly;
extern const Framework Libcoro;
extern const Framework Posix;
extern const Framework Pybind11;
extern const Framework QCoro;
extern const Framework Qt;
extern const Framework Seastar;
extern const Framework Std;
extern const Framework Stdexec;
extern const Framework Unifex;

/// Every framework, in the order docs/checks/frameworks.md shows them.
ArrayRef<const Framework *> all();

/// Every framework, Qt's and QCoro's only when \p CheckQt (the checks'
/// CheckQt option).
std::vector<const Framework *> selected(bool CheckQt);

/// The frameworks whose switch (a check's Check<Framework> option) is on, in
/// the order given.
std::vector<const Framework *>
enabled(ArrayRef<std::pair<bool, const Framework *>> Switches);

/// One list's entries over the Selected frameworks, in their order.
template <typename Entry>
std::vector<Entry> collect(ArrayRef<const Framework *> Selected,
                           ArrayRef<Entry> Framework::*List) {
  std::vector<Entry> Entries;
  for (const Framework *F : Selected)
    Entries.insert(Entries.end(), (F->*List).begin(), (F->*List).end());
  return Entries;
}

/// Names, ';'-separated: a list option's value (the names of one list over
/// the selected frameworks, collect(Selected, List)).
std::string joinNames(ArrayRef<StringRef> Names);

/// A list of names over every framework, ';'-separated.
std::string joinNames(ArrayRef<StringRef> Framework::*List);

/// joinNames(List), kept for the program's lifetime: an option's default
/// value, which Options.get hands back as a StringRef.
template <ArrayRef<StringRef> Framework::*List> StringRef joinedNames() {
  static const std::string Joined = joinNames(List);
  return Joined;
}

} // namespace clang::tidy::async::frameworks

#endif // CORIO_CHECKS_FRAMEWORKS_REGISTRY_H

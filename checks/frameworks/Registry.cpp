//===- Registry.cpp - the frameworks the checks know ----------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

ArrayRef<const Framework *> all() {
  static const Framework *const Frameworks[] = {
      &Asio,        &Corio,   &Cppcoro, &Folly,    &AsyncSimple, &Libcoro,
      &Cobalt,      &Stdexec, &Qt,      &QCoro,    &Std,         &Posix,
      &BoostThread, &Unifex,  &Seastar, &Pybind11, &Curl};
  return Frameworks;
}

std::vector<const Framework *> selected(bool CheckQt) {
  std::vector<const Framework *> Selected;
  for (const Framework *F : all())
    if (CheckQt || (F != &Qt && F != &QCoro))
      Selected.push_back(F);
  return Selected;
}

std::vector<const Framework *>
enabled(ArrayRef<std::pair<bool, const Framework *>> Switches) {
  std::vector<const Framework *> Enabled;
  for (auto [On, F] : Switches)
    if (On)
      Enabled.push_back(F);
  return Enabled;
}

std::string joinNames(ArrayRef<StringRef> Names) {
  std::string Joined;
  for (StringRef Name : Names) {
    if (!Joined.empty())
      Joined += ';';
    Joined += Name;
  }
  return Joined;
}

std::string joinNames(ArrayRef<StringRef> Framework::*List) {
  return joinNames(collect(all(), List));
}

} // namespace clang::tidy::async::frameworks

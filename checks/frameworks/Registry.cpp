//===- Registry.cpp - the frameworks the checks know ----------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

ArrayRef<const Framework *> all() {
  static const Framework *const Frameworks[] = {
      &Asio,    &Corio, &Cppcoro, &Folly,       &AsyncSimple, &Libcoro,  &Cobalt,
      &Stdexec, &QCoro, &Std,     &BoostThread, &Unifex,      &Seastar, &Pybind11};
  return Frameworks;
}

std::string joinNames(ArrayRef<StringRef> Framework::*List) {
  std::string Joined;
  for (StringRef Name : collect(all(), List)) {
    if (!Joined.empty())
      Joined += ';';
    Joined += Name;
  }
  return Joined;
}

} // namespace clang::tidy::async::frameworks

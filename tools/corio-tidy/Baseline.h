//===- Baseline.h - findings a team has accepted for now --------*- C++ -*-===//
//
// The baseline file lists findings by key (check, file, function, flagged
// text; see FindingKey) with a count, so that adopting corio on a large
// codebase fails CI only on new findings. A key recorded N times suppresses
// up to N findings with that key: a third copy of a baselined line is new.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_BASELINE_H
#define CORIO_TIDY_BASELINE_H

#include "Findings.h"

#include "llvm/Support/Error.h"

#include <map>

namespace corio::report {

class Baseline {
public:
  static llvm::Expected<Baseline> read(llvm::StringRef Path);

  void record(const FindingKey &Key) { ++Counts[Key]; }
  /// Uses up one recorded occurrence of \p Key; false when none is left.
  bool consume(const FindingKey &Key);
  /// Writes the keys sorted, so the file diffs well under version control.
  llvm::Error write(llvm::StringRef Path) const;

private:
  std::map<FindingKey, unsigned> Counts;
};

} // namespace corio::report

#endif // CORIO_TIDY_BASELINE_H

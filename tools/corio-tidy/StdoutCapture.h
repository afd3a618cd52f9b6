//===- StdoutCapture.h - hold back what clang-tidy prints -------*- C++ -*-===//
//
// With --baseline, the diagnostics clang-tidy prints must be filtered before
// anyone sees them, and clang-tidy prints straight to stdout. The capture
// points file descriptor 1 at a temporary file while clang-tidy runs.
// (POSIX only, like the rest of corio's tooling.)
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_STDOUTCAPTURE_H
#define CORIO_TIDY_STDOUTCAPTURE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Error.h"

#include <string>

namespace corio::report {

class StdoutCapture {
public:
  static llvm::Expected<StdoutCapture> start();
  /// Points stdout back where it was and returns what was written meanwhile.
  std::string finish();

private:
  StdoutCapture(int SavedStdout, llvm::SmallString<128> Path)
      : SavedStdout(SavedStdout), Path(std::move(Path)) {}
  int SavedStdout;
  llvm::SmallString<128> Path;
};

} // namespace corio::report

#endif // CORIO_TIDY_STDOUTCAPTURE_H

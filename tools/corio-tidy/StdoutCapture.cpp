//===- StdoutCapture.cpp - hold back what clang-tidy prints ---------------===//
#include "StdoutCapture.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <unistd.h>

namespace corio::report {
namespace {
// Both C stdio and LLVM buffer stdout; what they hold must land on the side
// of the switch it was written on.
void flushStdout() {
  llvm::outs().flush();
  std::fflush(stdout);
}
} // namespace

llvm::Expected<StdoutCapture> StdoutCapture::start() {
  int FD;
  llvm::SmallString<128> Path;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("corio-tidy-stdout", "txt", FD, Path))
    return llvm::createFileError(Path, EC);
  flushStdout();
  int Saved = ::dup(STDOUT_FILENO);
  if (Saved < 0 || ::dup2(FD, STDOUT_FILENO) < 0) {
    std::error_code EC(errno, std::generic_category());
    ::close(FD);
    return llvm::createStringError(EC, "corio-tidy: cannot capture stdout");
  }
  ::close(FD);
  return StdoutCapture(Saved, std::move(Path));
}

std::string StdoutCapture::finish() {
  flushStdout();
  ::dup2(SavedStdout, STDOUT_FILENO);
  ::close(SavedStdout);
  std::string Text;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false))
    Text = (*Buffer)->getBuffer().str();
  llvm::sys::fs::remove(Path);
  return Text;
}

} // namespace corio::report

//===- PrintedDiagnostics.cpp - filter clang-tidy's text output -----------===//
#include "PrintedDiagnostics.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace corio::report {

std::optional<std::string> withoutDiagnostics(llvm::StringRef Output,
                                              llvm::ArrayRef<bool> Drop) {
  // Source excerpt lines start with a line number or spaces and a '|', so
  // they never look like this; ANSI colour codes are skipped (--use-color).
  static const llvm::Regex Ansi("\x1b\\[[0-9;]*m");
  static const llvm::Regex BlockStart(
      "^([^ ].*:[0-9]+:[0-9]+: )?(warning|error|remark): ");
  std::string Kept;
  int Block = -1;
  llvm::StringRef Text = Output;
  Text.consume_back("\n");
  for (llvm::StringRef Line : llvm::split(Text, '\n')) {
    if (Output.empty())
      break;
    std::string Plain = Line.str();
    while (Ansi.match(Plain))
      Plain = Ansi.sub("", Plain);
    if (BlockStart.match(Plain) && ++Block >= static_cast<int>(Drop.size()))
      return std::nullopt;
    if (Block < 0 || !Drop[Block])
      (Kept += Line) += '\n';
  }
  if (Block + 1 != static_cast<int>(Drop.size()))
    return std::nullopt;
  return Kept;
}

} // namespace corio::report

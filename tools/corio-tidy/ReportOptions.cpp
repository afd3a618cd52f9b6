//===- ReportOptions.cpp - corio-tidy's flags on top of clang-tidy's ------===//
#include "ReportOptions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"

#include <optional>

namespace corio::report {
namespace {

/// A boolean flag's value the way LLVM's command line reads it.
std::optional<bool> boolValue(llvm::StringRef Value) {
  return llvm::StringSwitch<std::optional<bool>>(Value)
      .Cases("", "true", "TRUE", "True", "1", true)
      .Cases("false", "FALSE", "False", "0", false)
      .Default(std::nullopt);
}

/// What an argument kept for clang-tidy is, for the run that applies a
/// baseline's fixes (ReportOptions::FixRunArgs).
enum class Kept { Plain, FixFlag, ExportFixes, LineFilter };

} // namespace

llvm::Expected<ReportOptions> takeReportOptions(std::vector<const char *> &Args) {
  ReportOptions Options;
  std::pair<llvm::StringRef, std::string *> ValueFlags[] = {
      {"export-sarif", &Options.SarifPath},
      {"export-gitlab", &Options.GitLabPath},
      {"baseline", &Options.BaselinePath},
      {"write-baseline", &Options.WriteBaselinePath},
      {"explain", &Options.ExplainCheck},
  };

  std::vector<std::pair<const char *, Kept>> Rest;
  FixFlags Fixes;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--") {
      for (; I < Args.size(); ++I)
        Rest.emplace_back(Args[I], Kept::Plain);
      break;
    }
    llvm::StringRef Name = Arg;
    if (I == 0 || !Name.consume_front("-")) {
      Rest.emplace_back(Args[I], Kept::Plain);
      continue;
    }
    Name.consume_front("-");
    auto [Flag, Value] = Name.split('=');
    bool HasValue = Name.contains('=');
    // Reads the flag's value from "=VALUE" or from the next argument.
    auto TakeValue = [&]() -> llvm::Expected<std::string> {
      if (HasValue)
        return Value.str();
      if (I + 1 < Args.size())
        return std::string(Args[++I]);
      return llvm::createStringError("corio-tidy: --%s needs a value",
                                     Flag.str().c_str());
    };

    if (Flag == "fail-on-findings" && !HasValue) {
      Options.FailOnFindings = true;
      continue;
    }
    auto Known = llvm::find_if(ValueFlags, [&](const auto &F) { return F.first == Flag; });
    if (Known != std::end(ValueFlags)) {
      llvm::Expected<std::string> File = TakeValue();
      if (!File)
        return File.takeError();
      *Known->second = std::move(*File);
      continue;
    }
    if (Flag == "export-fixes" || Flag == "line-filter") {
      const Kept Kind = Flag == "export-fixes" ? Kept::ExportFixes : Kept::LineFilter;
      size_t FlagIndex = I;
      llvm::Expected<std::string> FlagValue = TakeValue();
      if (!FlagValue)
        return FlagValue.takeError();
      if (Kind == Kept::ExportFixes)
        Options.UserExportFixes = std::move(*FlagValue);
      for (size_t Taken = FlagIndex; Taken <= I; ++Taken)
        Rest.emplace_back(Args[Taken], Kind);
      continue;
    }
    if (bool *Fix = Flag == "fix"          ? &Fixes.Fix
                    : Flag == "fix-errors" ? &Fixes.Errors
                    : Flag == "fix-notes"  ? &Fixes.Notes
                                           : nullptr) {
      std::optional<bool> On = boolValue(HasValue ? Value : "");
      if (!On)
        return llvm::createStringError("corio-tidy: --%s takes true or false, not '%s'",
                                       Flag.str().c_str(), Value.str().c_str());
      *Fix = *On;
      Rest.emplace_back(Args[I], Kept::FixFlag);
      continue;
    }
    Rest.emplace_back(Args[I], Kept::Plain);
  }

  // With a baseline, the first run fixes nothing; a second run with the
  // fix flags, its own line filter and no export applies the fixes.
  const bool BaselineFixes = !Options.BaselinePath.empty() && Fixes.any();
  if (BaselineFixes)
    Options.BaselineFixes = Fixes;
  Args.clear();
  for (const auto &[Arg, Kind] : Rest) {
    if (!BaselineFixes || Kind != Kept::FixFlag)
      Args.push_back(Arg);
    if (BaselineFixes && Kind != Kept::ExportFixes && Kind != Kept::LineFilter)
      Options.FixRunArgs.push_back(Arg);
  }
  return Options;
}

} // namespace corio::report

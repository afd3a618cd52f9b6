//===- ReportOptions.cpp - corio-tidy's flags on top of clang-tidy's ------===//
#include "ReportOptions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

namespace corio::report {

llvm::Expected<ReportOptions> takeReportOptions(std::vector<const char *> &Args) {
  ReportOptions Options;
  std::pair<llvm::StringRef, std::string *> ValueFlags[] = {
      {"export-sarif", &Options.SarifPath},
      {"export-gitlab", &Options.GitLabPath},
      {"baseline", &Options.BaselinePath},
      {"write-baseline", &Options.WriteBaselinePath},
  };

  std::vector<const char *> Rest;
  FixFlags Fixes;
  std::vector<size_t> FixArgs; // their indices in Rest
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--") {
      Rest.insert(Rest.end(), Args.begin() + I, Args.end());
      break;
    }
    llvm::StringRef Name = Arg;
    if (I == 0 || !Name.consume_front("-")) {
      Rest.push_back(Args[I]);
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
      return llvm::createStringError("corio-tidy: --%s needs a file name",
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
    if (Flag == "export-fixes") {
      size_t FlagIndex = I;
      llvm::Expected<std::string> File = TakeValue();
      if (!File)
        return File.takeError();
      Options.UserExportFixes = std::move(*File);
      Rest.insert(Rest.end(), Args.begin() + FlagIndex, Args.begin() + I + 1);
      continue;
    }
    if (bool *Fix = Flag == "fix"          ? &Fixes.Fix
                    : Flag == "fix-errors" ? &Fixes.Errors
                    : Flag == "fix-notes"  ? &Fixes.Notes
                                           : nullptr) {
      // A boolean option, given alone or as =true/=false like any cl::opt.
      *Fix = !HasValue || Value == "true" || Value == "1";
      FixArgs.push_back(Rest.size());
    }
    Rest.push_back(Args[I]);
  }
  if (!Options.BaselinePath.empty() && Fixes.any()) {
    Options.BaselineFixes = Fixes;
    for (size_t Index : llvm::reverse(FixArgs))
      Rest.erase(Rest.begin() + Index);
  }
  Args = std::move(Rest);
  return Options;
}

} // namespace corio::report

//===- ReportOptions.cpp - corio-tidy's flags on top of clang-tidy's ------===//
#include "ReportOptions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

namespace corio::report {

llvm::Expected<ReportOptions>
takeReportOptions(std::vector<const char *> &Args) {
  ReportOptions Options;
  std::pair<llvm::StringRef, std::string *> ValueFlags[] = {
      {"export-sarif", &Options.SarifPath},
      {"export-gitlab", &Options.GitLabPath},
      {"baseline", &Options.BaselinePath},
      {"write-baseline", &Options.WriteBaselinePath},
      {"explain", &Options.ExplainCheck},
  };

  std::vector<const char *> Rest;
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

    if (Flag == "fail-on-findings" && !HasValue) {
      Options.FailOnFindings = true;
      continue;
    }
    auto Known = llvm::find_if(ValueFlags,
                               [&](const auto &F) { return F.first == Flag; });
    if (Known == std::end(ValueFlags)) {
      Rest.push_back(Args[I]);
      continue;
    }
    // The value comes from "=VALUE" or from the next argument.
    if (HasValue)
      *Known->second = Value.str();
    else if (I + 1 < Args.size())
      *Known->second = Args[++I];
    else
      return llvm::createStringError("corio-tidy: --%s needs a value",
                                     Flag.str().c_str());
  }
  Args = std::move(Rest);
  return Options;
}

} // namespace corio::report

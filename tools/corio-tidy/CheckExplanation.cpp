//===- CheckExplanation.cpp - corio-tidy --explain CHECK ------------------===//
#include "CheckExplanation.h"

namespace corio::report {

bool explainCheck(llvm::raw_ostream &OS, const CheckRules &Rules,
                  llvm::StringRef Check) {
  RuleDescription Rule = Rules.describe(Check);
  if (Check.starts_with("async-") && Rule.HelpMarkdown.empty()) {
    llvm::errs()
        << "corio-tidy: no documentation page for '" << Check
        << "'; the async checks are listed by: corio-tidy --list-checks "
           "--checks='-*,async-*'\n";
    return false;
  }
  // Upstream rules have no page at hand, only a one-line description.
  OS << Check << "\n\n"
     << (Check.starts_with("async-") ? Rule.FullDescription
                                     : Rule.ShortDescription)
     << "\n\n";
  if (!Rule.OptionsMarkdown.empty())
    OS << "Options:\n\n" << Rule.OptionsMarkdown << "\n\n";
  // Unpublished pages are read where this corio keeps them.
  OS << "Documentation: "
     << (Rule.HelpUri.empty() ? Rules.pagePath(Check) : Rule.HelpUri) << "\n";
  return true;
}

} // namespace corio::report

//===- CheckRules.cpp - what a check is, for SARIF's rule list ------------===//
#include "CheckRules.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace corio::report {
namespace {

/// The first paragraph of a Markdown page that is not a heading, its lines
/// joined: check pages open with "# <name>" and then say what it finds.
std::string firstParagraph(llvm::StringRef Markdown) {
  std::string Paragraph;
  for (llvm::StringRef Line : llvm::split(Markdown, '\n')) {
    Line = Line.trim();
    bool Ends = Line.empty() || Line.starts_with("#");
    if (Ends && !Paragraph.empty())
      break;
    if (Ends)
      continue;
    if (!Paragraph.empty())
      Paragraph += ' ';
    Paragraph += Line;
  }
  return Paragraph;
}

/// A paragraph that ends in a colon introduces a list the description does
/// not carry; the sentence that does so is dropped (or, alone, ends in ".").
std::string withoutDanglingColon(llvm::StringRef Paragraph) {
  if (!Paragraph.ends_with(":"))
    return Paragraph.str();
  size_t LastSentenceEnd = Paragraph.rfind(". ");
  if (LastSentenceEnd == llvm::StringRef::npos)
    return (Paragraph.drop_back() + ".").str();
  return Paragraph.take_front(LastSentenceEnd + 1).str();
}

/// The body of the "## <Title>" section, up to the next heading of that
/// level; empty when the page has none.
std::string section(llvm::StringRef Markdown, llvm::StringRef Title) {
  std::string Body;
  bool Inside = false;
  for (llvm::StringRef Line : llvm::split(Markdown, '\n')) {
    if (Line.starts_with("## ")) {
      if (Inside)
        break;
      Inside = Line.drop_front(3).trim() == Title;
      continue;
    }
    if (Inside)
      (Body += Line) += '\n';
  }
  return llvm::StringRef(Body).trim().str();
}

std::string firstSentence(llvm::StringRef Paragraph) {
  size_t End = Paragraph.find(". ");
  return std::string(
      End == llvm::StringRef::npos ? Paragraph : Paragraph.take_front(End + 1));
}

constexpr llvm::StringLiteral ClangTidyHome =
    "https://clang.llvm.org/extra/clang-tidy/";
constexpr llvm::StringLiteral ClangTidyDocs =
    "https://clang.llvm.org/extra/clang-tidy/checks/";
constexpr llvm::StringLiteral ClangDiagnosticDocs =
    "https://clang.llvm.org/docs/DiagnosticsReference.html";

/// Rules without a page at hand still get the texts GitHub shows: a full
/// description and help that link to the documentation.
RuleDescription linkedRule(std::string Short, std::string HelpUri) {
  RuleDescription Rule;
  Rule.FullDescription = Short + ". Documentation: " + HelpUri;
  Rule.HelpMarkdown = Short + ". See [its documentation](" + HelpUri + ").";
  Rule.ShortDescription = std::move(Short);
  Rule.HelpUri = std::move(HelpUri);
  return Rule;
}

} // namespace

std::string CheckRules::locateDocs(const char *Argv0) {
  static int Anchor;
  std::string Executable = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  llvm::SmallString<256> Installed(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Executable)));
  llvm::sys::path::append(Installed, CORIO_INSTALLED_CHECK_DOCS);
  if (llvm::sys::fs::is_directory(Installed))
    return std::string(Installed);
  return CORIO_SOURCE_CHECK_DOCS;
}

std::string CheckRules::pagePath(llvm::StringRef Check) const {
  llvm::SmallString<256> Page(DocsDirectory);
  llvm::sys::path::append(Page, Check + ".md");
  return std::string(Page);
}

RuleDescription CheckRules::describeAsyncCheck(llvm::StringRef Check) const {
  RuleDescription Rule;
  if (!DocsUrl.empty())
    Rule.HelpUri =
        (llvm::StringRef(DocsUrl).rtrim('/') + "/" + Check + ".md").str();
  if (auto Text =
          llvm::MemoryBuffer::getFile(pagePath(Check), /*IsText=*/true)) {
    Rule.HelpMarkdown = (*Text)->getBuffer().str();
    Rule.FullDescription =
        withoutDanglingColon(firstParagraph(Rule.HelpMarkdown));
    Rule.ShortDescription = firstSentence(Rule.FullDescription);
    Rule.OptionsMarkdown = section(Rule.HelpMarkdown, "Options");
  }
  if (Rule.ShortDescription.empty())
    Rule.ShortDescription = ("corio check " + Check).str();
  return Rule;
}

RuleDescription CheckRules::describe(llvm::StringRef Check) const {
  if (Check.starts_with("async-"))
    return describeAsyncCheck(Check);
  // clang-tidy's own problems with a .clang-tidy file or --config.
  if (Check == "clang-tidy-config")
    return linkedRule("clang-tidy configuration problem", ClangTidyHome.str());
  llvm::StringRef Warning = Check;
  if (Warning.consume_front("clang-diagnostic-")) {
    if (Warning == "error")
      return linkedRule("Clang compiler error", ClangDiagnosticDocs.str());
    return linkedRule(("Clang compiler warning -W" + Warning).str(),
                      (ClangDiagnosticDocs + "#w" + Warning).str());
  }
  // Upstream pages live at checks/<module>/<rest>.html; the analyzer's
  // module name is the one with a dash in it.
  llvm::StringRef Module, Rest;
  if (Check.starts_with("clang-analyzer-"))
    std::tie(Module, Rest) =
        std::make_pair(Check.take_front(14), Check.drop_front(15));
  else
    std::tie(Module, Rest) = Check.split('-');
  return linkedRule(("clang-tidy check " + Check).str(),
                    (ClangTidyDocs + Module + "/" + Rest + ".html").str());
}

} // namespace corio::report

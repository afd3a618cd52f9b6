//===- CheckRules.h - what a check is, for SARIF's rule list ----*- C++ -*-===//
//
// SARIF describes each rule (check) once: a one-line and a full
// description and a link to its documentation. For async-* checks these
// come from their pages in docs/checks/, so the page stays the one place
// that says what a check does; upstream checks, compiler diagnostics and
// clang-tidy-config link to clang's documentation, which has their texts.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_CHECKRULES_H
#define CORIO_TIDY_CHECKRULES_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace corio::report {

struct RuleDescription {
  std::string ShortDescription;
  std::string FullDescription; ///< empty when nothing more is known
  std::string
      HelpUri; ///< empty for async-* checks when corio's docs are not published
  std::string HelpMarkdown;    ///< the whole documentation page, if at hand
  std::string OptionsMarkdown; ///< the page's "## Options" section, if any
};

class CheckRules {
public:
  /// \p DocsDirectory holds <check>.md pages, read for the descriptions;
  /// \p DocsUrl is the https base where those pages are published, which
  /// help links point at, or empty when they are not published.
  CheckRules(std::string DocsDirectory, std::string DocsUrl)
      : DocsDirectory(std::move(DocsDirectory)), DocsUrl(std::move(DocsUrl)) {}

  /// The docs/checks directory of this corio: installed next to the
  /// executable (<prefix>/bin/corio-tidy, <prefix>/<docdir>/checks), or the
  /// source tree it was built from.
  static std::string locateDocs(const char *Argv0);

  /// The pages of locateDocs(\p Argv0), linked at the URL this corio was
  /// configured with (CORIO_CHECK_DOCS_URL).
  static CheckRules forThisBuild(const char *Argv0) {
    return CheckRules(locateDocs(Argv0), CORIO_CHECK_DOCS_URL);
  }

  RuleDescription describe(llvm::StringRef Check) const;

  /// The file of an async-* check's page in this corio's docs directory.
  std::string pagePath(llvm::StringRef Check) const;

private:
  RuleDescription describeAsyncCheck(llvm::StringRef Check) const;

  std::string DocsDirectory;
  std::string DocsUrl;
};

} // namespace corio::report

#endif // CORIO_TIDY_CHECKRULES_H

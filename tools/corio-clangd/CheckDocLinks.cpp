//===- CheckDocLinks.cpp - async-* diagnostics link corio's check pages ---===//
//
// clangd links every clang-tidy diagnostic to
// clang.llvm.org/extra/clang-tidy/checks/<module>/<check>.html, a page that
// does not exist for async-*. The links are rewritten where clangd turns a
// file's diagnostics into LSP JSON: corio-clangd is linked with that toJSON
// wrapped (CMakeLists.txt, --wrap; the symbol is its Itanium mangling), which
// needs none of clangd's uninstalled headers. A diagnostic keeps its
// codeDescription only where clangd gave it one (the client asked for it).
//
//===----------------------------------------------------------------------===//
#include "../corio-tidy/CheckRules.h"
#include "../corio-tidy/Paths.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"

namespace clang::clangd {
struct PublishDiagnosticsParams;
} // namespace clang::clangd

namespace {

/// The page's published URL, or its file here; nothing when it has no page.
std::optional<std::string> checkPageLink(llvm::StringRef Check) {
  static const corio::report::CheckRules Rules =
      corio::report::CheckRules::forThisBuild("corio-clangd");
  corio::report::RuleDescription Rule = Rules.describe(Check);
  if (!Rule.HelpUri.empty())
    return Rule.HelpUri;
  std::string Page = Rules.pagePath(Check);
  if (!llvm::sys::fs::exists(Page))
    return std::nullopt;
  return corio::report::pathToUri(Page);
}

void linkCheckPages(llvm::json::Value &Params) {
  llvm::json::Object *Object = Params.getAsObject();
  llvm::json::Array *Diagnostics =
      Object ? Object->getArray("diagnostics") : nullptr;
  if (!Diagnostics)
    return;
  for (llvm::json::Value &Diagnostic : *Diagnostics) {
    llvm::json::Object *D = Diagnostic.getAsObject();
    std::optional<llvm::StringRef> Code =
        D ? D->getString("code") : std::nullopt;
    if (!Code || !Code->starts_with("async-") ||
        !D->getObject("codeDescription"))
      continue;
    if (std::optional<std::string> Link = checkPageLink(*Code))
      (*D)["codeDescription"] = llvm::json::Object{{"href", std::move(*Link)}};
    else
      D->erase("codeDescription");
  }
}

} // namespace

using PublishToJSON =
    llvm::json::Value(const clang::clangd::PublishDiagnosticsParams &);
PublishToJSON
    realToJSON __asm__("__real_" CORIO_PUBLISH_DIAGNOSTICS_TO_JSON_SYMBOL);
PublishToJSON
    wrappedToJSON __asm__("__wrap_" CORIO_PUBLISH_DIAGNOSTICS_TO_JSON_SYMBOL);

llvm::json::Value
wrappedToJSON(const clang::clangd::PublishDiagnosticsParams &Params) {
  llvm::json::Value Json = realToJSON(Params);
  linkCheckPages(Json);
  return Json;
}

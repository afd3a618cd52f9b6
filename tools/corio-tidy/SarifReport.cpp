//===- SarifReport.cpp - findings as SARIF 2.1.0 --------------------------===//
//
// Property names and structure follow the OASIS SARIF 2.1.0 specification;
// test/ci validates the output against its JSON schema.
//
//===----------------------------------------------------------------------===//
#include "SarifReport.h"
#include "Paths.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <set>

namespace corio::report {
namespace {

using llvm::json::Array;
using llvm::json::Object;

constexpr llvm::StringLiteral SourceRootId = "SRCROOT";

// json::Value keeps a StringRef by reference; a std::string is copied.
Object text(std::string Text) { return Object{{"text", std::move(Text)}}; }

llvm::StringRef level(clang::tooling::Diagnostic::Level Level) {
  switch (Level) {
  case clang::tooling::Diagnostic::Error:
    return "error";
  case clang::tooling::Diagnostic::Warning:
    return "warning";
  case clang::tooling::Diagnostic::Remark:
    return "note";
  }
  llvm_unreachable("unknown diagnostic level");
}

Object artifactLocation(const TextRange &R) {
  Object Location{{"uri", pathToUri(R.ReportPath)}};
  if (!llvm::sys::path::is_absolute(R.ReportPath))
    Location["uriBaseId"] = SourceRootId;
  return Location;
}

/// Always with its end: a caret without a range covers the character under
/// it (Findings.cpp), where SARIF would read a missing end as "to the end of
/// the line".
Object findingRegion(const TextRange &R) {
  return Object{{"startLine", R.StartLine},
                {"startColumn", R.StartColumn},
                {"endLine", R.EndLine},
                {"endColumn", R.EndColumn}};
}

/// Replacements need the exact span, empty for an insertion; bytes too,
/// since that is what clang computed.
Object editRegion(const TextRange &R) {
  return Object{{"startLine", R.StartLine}, {"startColumn", R.StartColumn},
                {"endLine", R.EndLine},     {"endColumn", R.EndColumn},
                {"byteOffset", R.Offset},   {"byteLength", R.Length}};
}

Object physicalLocation(const TextRange &R) {
  return Object{{"artifactLocation", artifactLocation(R)},
                {"region", findingRegion(R)}};
}

/// SARIF groups a fix's replacements by file.
Object fix(const std::vector<Edit> &Edits, const std::string &Description) {
  Array Changes;
  for (size_t I = 0; I < Edits.size();) {
    Array Replacements;
    size_t J = I;
    for (; J < Edits.size() &&
           Edits[J].Range.ReportPath == Edits[I].Range.ReportPath;
         ++J)
      Replacements.push_back(
          Object{{"deletedRegion", editRegion(Edits[J].Range)},
                 {"insertedContent", text(Edits[J].NewText)}});
    Changes.push_back(
        Object{{"artifactLocation", artifactLocation(Edits[I].Range)},
               {"replacements", std::move(Replacements)}});
    I = J;
  }
  Object Fix{{"artifactChanges", std::move(Changes)}};
  if (!Description.empty())
    Fix["description"] = text(Description);
  return Fix;
}

/// A finding with a place in a file (F.Where is set).
Object result(const Finding &F) {
  Object Location{{"physicalLocation", physicalLocation(*F.Where)}};
  if (!F.Key.Function.empty())
    Location["logicalLocations"] = Array{
        Object{{"fullyQualifiedName", F.Key.Function}, {"kind", "function"}}};
  Object Result{
      {"ruleId", F.Check},
      {"level", level(F.Level)},
      {"message", text(F.Message)},
      {"locations", Array{std::move(Location)}},
      {"partialFingerprints", Object{{"corioFingerprint/v1", F.Fingerprint}}}};
  Array Related, Fixes;
  for (const Note &N : F.Notes) {
    Object Location{{"id", Related.size()}, {"message", text(N.Message)}};
    if (N.Where)
      Location["physicalLocation"] = physicalLocation(*N.Where);
    Related.push_back(std::move(Location));
    if (!N.Fix.empty())
      Fixes.push_back(fix(N.Fix, N.Message));
  }
  // The diagnostic's own fix-it comes first: it is what --fix applies.
  if (!F.Fix.empty())
    Fixes.insert(Fixes.begin(), fix(F.Fix, ""));
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  if (!Fixes.empty())
    Result["fixes"] = std::move(Fixes);
  return Result;
}

/// A diagnostic about the run rather than the code (an unknown compiler
/// flag, a source file that does not exist, a bad .clang-tidy): code
/// scanning rejects results without a location, so these are reported as
/// what SARIF calls them, notifications of the tool's execution.
Object notification(const Finding &F) {
  return Object{{"level", level(F.Level)},
                {"message", text(F.Message)},
                {"descriptor", Object{{"id", F.Check}}}};
}

Object rule(const std::string &Check, const CheckRules &Rules) {
  RuleDescription D = Rules.describe(Check);
  Object Rule{{"id", Check}, {"shortDescription", text(D.ShortDescription)}};
  // SARIF's helpUri is optional; an unpublished page is in help instead.
  if (!D.HelpUri.empty())
    Rule["helpUri"] = D.HelpUri;
  if (!D.FullDescription.empty())
    Rule["fullDescription"] = text(D.FullDescription);
  if (!D.HelpMarkdown.empty())
    Rule["help"] =
        Object{{"text", D.FullDescription}, {"markdown", D.HelpMarkdown}};
  return Rule;
}

} // namespace

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const CheckRules &Rules, llvm::StringRef SourceRoot) {
  std::set<std::string> Checks;
  Array Results, Suppressed, Notifications;
  bool Successful = true;
  for (const Finding &F : Findings) {
    if (F.SuppressedByBaseline) {
      Suppressed.push_back(F.Fingerprint);
    } else if (!F.Where) {
      Notifications.push_back(notification(F));
      Successful &= F.Level != clang::tooling::Diagnostic::Error;
    } else {
      Checks.insert(F.Check);
      Results.push_back(result(F));
    }
  }
  Array RuleList;
  for (const std::string &Check : Checks)
    RuleList.push_back(rule(Check, Rules));

  Object Run{
      {"tool", Object{{"driver", Object{{"name", "corio-tidy"},
                                        {"version", CORIO_VERSION},
                                        {"rules", std::move(RuleList)}}}}},
      {"originalUriBaseIds",
       Object{{SourceRootId, Object{{"uri", pathToUri(SourceRoot) + "/"}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations",
       Array{Object{{"executionSuccessful", Successful},
                    {"toolExecutionNotifications", std::move(Notifications)}}}},
      {"results", std::move(Results)}};
  if (!Suppressed.empty())
    Run["properties"] = Object{{"baselineSuppressed", std::move(Suppressed)}};
  OS << llvm::formatv(
            "{0:2}",
            llvm::json::Value(Object{
                {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Array{std::move(Run)}}}))
     << "\n";
}

} // namespace corio::report

//===- Baseline.cpp - findings a team has accepted for now ----------------===//
//
// Format (JSON; docs/ci.md):
//   {"version": 1, "findings": [{"check": ..., "file": ..., "function": ...,
//                                "source": ..., "count": N}, ...]}
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace corio::report {
namespace {
constexpr int64_t FormatVersion = 1;

llvm::Error malformed(llvm::StringRef Path, llvm::StringRef Why) {
  return llvm::createStringError("baseline %s: %s", Path.str().c_str(),
                                 Why.str().c_str());
}
} // namespace

llvm::Expected<Baseline> Baseline::read(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createFileError(Path, Buffer.getError());
  llvm::Expected<llvm::json::Value> Json =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Json)
    return malformed(Path, llvm::toString(Json.takeError()));
  const llvm::json::Object *Root = Json->getAsObject();
  if (!Root || Root->getInteger("version") != FormatVersion)
    return malformed(Path, "expected an object with \"version\": 1");
  const llvm::json::Array *Entries = Root->getArray("findings");
  if (!Entries)
    return malformed(Path, "expected a \"findings\" array");

  Baseline Result;
  for (const llvm::json::Value &Entry : *Entries) {
    const llvm::json::Object *E = Entry.getAsObject();
    auto Field = [&](llvm::StringRef Name) {
      return E ? E->getString(Name) : std::nullopt;
    };
    auto Check = Field("check"), File = Field("file"),
         Function = Field("function"), Source = Field("source");
    std::optional<int64_t> Count = E ? E->getInteger("count") : std::nullopt;
    if (!Check || !File || !Function || !Source || !Count || *Count < 1)
      return malformed(Path, "each finding needs check, file, function, source "
                             "(strings) and count (a positive integer)");
    Result
        .Counts[{Check->str(), File->str(), Function->str(), Source->str()}] +=
        *Count;
  }
  return Result;
}

bool Baseline::consume(const FindingKey &Key) {
  auto It = Counts.find(Key);
  if (It == Counts.end() || It->second == 0)
    return false;
  --It->second;
  return true;
}

llvm::Error Baseline::write(llvm::StringRef Path) const {
  llvm::json::Array Entries;
  for (const auto &[Key, Count] : Counts)
    Entries.push_back(llvm::json::Object{{"check", Key.Check},
                                         {"file", Key.File},
                                         {"function", Key.Function},
                                         {"source", Key.Source},
                                         {"count", Count}});
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return llvm::createFileError(Path, EC);
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"version", FormatVersion},
                                   {"findings", std::move(Entries)}}))
     << "\n";
  return llvm::Error::success();
}

} // namespace corio::report

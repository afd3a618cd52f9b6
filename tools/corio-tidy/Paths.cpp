//===- Paths.cpp - the two spellings of a file name in reports ------------===//
#include "Paths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace corio::report {

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Result;
  if (llvm::sys::path::is_absolute(Path))
    Result = Path;
  else
    llvm::sys::path::append(Result, Directory, Path);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

std::string reportPath(llvm::StringRef AbsolutePath,
                       llvm::StringRef SourceRoot) {
  llvm::StringRef Root = SourceRoot.rtrim('/');
  llvm::StringRef Rest = AbsolutePath;
  // A prefix only counts on a component boundary: /src/app is not in /src/a.
  if (Root.empty() || !Rest.consume_front(Root) || !Rest.starts_with("/"))
    return std::string(AbsolutePath);
  return llvm::sys::path::convert_to_slash(Rest.drop_front());
}

std::string pathToUri(llvm::StringRef Path) {
  std::string Uri = llvm::sys::path::is_absolute(Path) ? "file://" : "";
  for (char C : llvm::sys::path::convert_to_slash(Path)) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(static_cast<unsigned char>(C),
                                   /*LowerCase=*/false, 2);
  }
  return Uri;
}

} // namespace corio::report

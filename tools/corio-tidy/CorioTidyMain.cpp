//===- CorioTidyMain.cpp - clang-tidy with the async module built in ------===//
//
// clangTidyMain drags in every upstream module; the async module's objects
// are linked directly into this executable, so its registration runs too.
//
//===----------------------------------------------------------------------===//
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int Argc, const char **Argv) {
  return clang::tidy::clangTidyMain(Argc, Argv);
}

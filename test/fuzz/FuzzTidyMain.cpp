//===- FuzzTidyMain.cpp - clang-tidy + async, checks under sanitizers -----===//
//
// The fuzz target: plain clangTidyMain with the ASan+UBSan build of the
// async checks, without corio-tidy's report layer, so a finding is the
// checks' own.
//
//===----------------------------------------------------------------------===//
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int Argc, const char **Argv) {
  return clang::tidy::clangTidyMain(Argc, Argv);
}

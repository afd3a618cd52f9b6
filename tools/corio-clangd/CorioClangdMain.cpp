//===- CorioClangdMain.cpp - clangd with the async module built in --------===//
//
// clangd cannot load clang-tidy plugins, so the async-* checks reach editors
// by being linked into clangd itself. Everything else is Debian's clangd.
//
//===----------------------------------------------------------------------===//

namespace clang::clangd {
// Defined in Debian's libclangdMain.a; clangd installs no header for it.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

int main(int Argc, char *Argv[]) {
  return clang::clangd::clangdMain(Argc, Argv);
}

// Uses the installed runtime: built once through find_package(corio) and
// corio::corio, once with the flags of the installed corio.pc.
#include <corio/corio.hpp>

corio::task<int> answer() { co_return 42; }

int main() { return corio::run(answer()) == 42 ? 0 : 1; }

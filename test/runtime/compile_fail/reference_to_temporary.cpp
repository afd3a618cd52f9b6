// Must not compile: a task<const int&> returning a temporary.
#include <corio/corio.hpp>

corio::task<const int&> dangles() { co_return 42; }

// Must not compile: a std::variant cannot hold a T&.
#include <corio/corio.hpp>

corio::task<int&> pick(int& x) { co_return x; }

corio::task<void> race_references(int& a, int& b) { co_await corio::race(pick(a), pick(b)); }

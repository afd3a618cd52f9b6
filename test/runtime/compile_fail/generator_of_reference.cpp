// Must not compile: next() returns std::optional<T>, which cannot hold a T&.
#include <corio/corio.hpp>

corio::generator<int&> references(int& x) { co_yield x; }

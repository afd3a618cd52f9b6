// Must not compile: a corio task awaiting an awaitable that is not corio's.
#include <corio/corio.hpp>

corio::task<void> waits_on_a_foreign_awaitable() { co_await std::suspend_always{}; }

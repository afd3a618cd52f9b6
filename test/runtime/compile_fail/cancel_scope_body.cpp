// Must not compile: a with_cancel_scope body that does not take cancel_scope&.
#include <corio/corio.hpp>

static_assert(!corio::cancel_scope_body<int (*)(corio::cancel_scope&)>);

corio::task<void> body_without_a_scope() {
  co_await corio::with_cancel_scope([]() -> corio::task<> { co_return; });
}

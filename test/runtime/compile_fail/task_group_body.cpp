// Must not compile: a with_task_group body that does not take task_group&.
#include <corio/corio.hpp>

static_assert(!corio::task_group_body<int (*)()>);

corio::task<void> body_without_a_group() {
  co_await corio::with_task_group([]() -> corio::task<> { co_return; });
}

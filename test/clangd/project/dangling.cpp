// async-dangling-reference and async-dangling-capture in the editor: the
// capture's quick fix passes the lambda itself to task_group::spawn.
#include <corio/corio.hpp>

#include <string>
#include <utility>

corio::task<int> length(const std::string &s);

corio::task<int> stored() {
  auto t = length(std::string("gone")); // LSP: async-dangling-reference
  co_return co_await std::move(t);
}

corio::task<void> spawned(int n) {
  co_await corio::with_task_group([&](corio::task_group &g) -> corio::task<void> {
    g.spawn([&]() -> corio::task<void> { n++; co_return; }()); // LSP: async-dangling-capture fix
    co_return;
  });
}

// async-unstructured-gather: a project's own gather (listed in .clangd's
// Combinators) whose results are dropped.
#include <corio/corio.hpp>

#include <tuple>

corio::task<int> load(int key);

namespace app {
template <class... T> corio::task<std::tuple<T...>> gather_all(corio::task<T>... tasks);
} // namespace app

corio::task<void> refresh() {
  co_await app::gather_all(load(1), load(2)); // LSP: async-unstructured-gather
}

corio::task<int> refresh_and_read() {
  auto [a, b] = co_await app::gather_all(load(3), load(4));
  co_return a + b;
}

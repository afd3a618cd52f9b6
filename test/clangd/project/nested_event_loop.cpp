// async-nested-event-loop: corio::run inside a corio task; the quick fix
// awaits the task instead.
#include <corio/corio.hpp>

corio::task<int> load_config() { co_return 42; }

corio::task<int> start() {
  int config = corio::run(load_config()); // LSP: async-nested-event-loop fix
  co_return config;
}

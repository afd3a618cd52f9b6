// async-unshielded-cleanup: a corio task that catches its cancellation,
// awaits its cleanup and rethrows; the quick fix shields the cleanup.
#include <corio/corio.hpp>

corio::task<void> transfer();
corio::task<void> release_lease();

corio::task<void> run_transfer() {
  try {
    co_await transfer();
  } catch (const corio::cancelled_error &) {
    throw;
  }
}

corio::task<void> run_transfer_with_cleanup() {
  bool cancelled = false;
  try {
    co_await transfer();
  } catch (const corio::cancelled_error &) {
    cancelled = true;
  }
  if (cancelled) {
    co_await release_lease(); // LSP: async-unshielded-cleanup fix
    throw corio::cancelled_error();
  }
}

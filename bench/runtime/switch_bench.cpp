// Hand-off: two tasks ping-ponging, through corio::event and
// corio::semaphore, against two asio awaitables ping-ponging through
// steady_timer cancel/wait.
#include <benchmark/benchmark.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <corio/corio.hpp>

#include "allocation_counter.hpp"

namespace {

constexpr std::int64_t hand_offs = 100000;

// Each side waits for its own event, clears it and sets the other's.
corio::task<void> event_side(corio::event& mine, corio::event& theirs, std::int64_t rounds) {
  for (std::int64_t i = 0; i < rounds; ++i) {
    co_await mine.wait();
    mine.clear();
    theirs.set();
  }
}

corio::task<void> run_event_ping_pong() {
  corio::event a, b;
  co_await corio::with_task_group([&](corio::task_group& group) -> corio::task<void> {
    group.spawn(event_side(a, b, hand_offs / 2));
    group.spawn(event_side(b, a, hand_offs / 2));
    a.set();
    co_return;
  });
}

void corio_event_hand_off(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, hand_offs);
  for (auto _ : state) corio::run(run_event_ping_pong());
  state.SetItemsProcessed(state.iterations() * hand_offs);
}
BENCHMARK(corio_event_hand_off)->Unit(benchmark::kMillisecond);

corio::task<void> semaphore_side(corio::semaphore& mine, corio::semaphore& theirs, std::int64_t rounds) {
  for (std::int64_t i = 0; i < rounds; ++i) {
    co_await mine.acquire();
    theirs.release();
  }
}

corio::task<void> run_semaphore_ping_pong() {
  corio::semaphore a(1), b(1);
  // Both start empty: take the single permit of each first.
  co_await a.acquire();
  co_await b.acquire();
  co_await corio::with_task_group([&](corio::task_group& group) -> corio::task<void> {
    group.spawn(semaphore_side(a, b, hand_offs / 2));
    group.spawn(semaphore_side(b, a, hand_offs / 2));
    a.release();
    co_return;
  });
}

void corio_semaphore_hand_off(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, hand_offs);
  for (auto _ : state) corio::run(run_semaphore_ping_pong());
  state.SetItemsProcessed(state.iterations() * hand_offs);
}
BENCHMARK(corio_semaphore_hand_off)->Unit(benchmark::kMillisecond);

namespace asio = boost::asio;

// Asio has no event; the idiom is a timer that never expires on its own and
// is cancelled to wake its waiter.
asio::awaitable<void> asio_side(asio::steady_timer& mine, asio::steady_timer& theirs, std::int64_t rounds) {
  for (std::int64_t i = 0; i < rounds; ++i) {
    co_await mine.async_wait(asio::as_tuple(asio::use_awaitable));
    mine.expires_at(asio::steady_timer::time_point::max());
    theirs.cancel();
  }
}

void asio_timer_hand_off(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, hand_offs);
  for (auto _ : state) {
    asio::io_context io(1);
    asio::steady_timer a(io, asio::steady_timer::time_point::max());
    asio::steady_timer b(io, asio::steady_timer::time_point::max());
    asio::co_spawn(io, asio_side(a, b, hand_offs / 2), asio::detached);
    asio::co_spawn(io, asio_side(b, a, hand_offs / 2), asio::detached);
    // Start the exchange once both sides wait: a's first wait completes.
    asio::post(io, [&a] { a.cancel(); });
    io.run();
  }
  state.SetItemsProcessed(state.iterations() * hand_offs);
}
BENCHMARK(asio_timer_hand_off)->Unit(benchmark::kMillisecond);

}  // namespace

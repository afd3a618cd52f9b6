// Hand-off through channels: two tasks ping-ponging an int through two
// channels of capacity 1, in corio and with Boost.Asio's
// experimental::channel. Compare with switch_bench's event hand-off (the
// same ping-pong through corio::event, carrying no value).
#include <benchmark/benchmark.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/error_code.hpp>
#include <corio/corio.hpp>

#include <cstdint>

#include "allocation_counter.hpp"

namespace {

constexpr std::int64_t hand_offs = 100000;

// Each side receives from its channel and sends on to the other's. The last
// send of each lands in the buffer: nobody is left to receive it.
corio::task<void> channel_side(corio::channel<std::int64_t>& mine, corio::channel<std::int64_t>& theirs,
                               std::int64_t rounds) {
  for (std::int64_t i = 0; i < rounds; ++i) {
    std::optional<std::int64_t> v = co_await mine.receive();
    co_await theirs.send(*v + 1);
  }
}

corio::task<void> run_channel_ping_pong() {
  corio::channel<std::int64_t> a(1), b(1);
  co_await corio::with_task_group([&](corio::task_group& group) -> corio::task<void> {
    group.spawn(channel_side(a, b, hand_offs / 2));
    group.spawn(channel_side(b, a, hand_offs / 2));
    co_await a.send(0);
  });
}

void corio_channel_hand_off(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, hand_offs);
  for (auto _ : state) corio::run(run_channel_ping_pong());
  state.SetItemsProcessed(state.iterations() * hand_offs);
}
BENCHMARK(corio_channel_hand_off)->Unit(benchmark::kMillisecond);

namespace asio = boost::asio;
using asio_channel = asio::experimental::channel<void(boost::system::error_code, std::int64_t)>;

asio::awaitable<void> asio_channel_side(asio_channel& mine, asio_channel& theirs, std::int64_t rounds) {
  for (std::int64_t i = 0; i < rounds; ++i) {
    const std::int64_t v = co_await mine.async_receive(asio::use_awaitable);
    co_await theirs.async_send(boost::system::error_code(), v + 1, asio::use_awaitable);
  }
}

void asio_channel_hand_off(benchmark::State& state) {
  const corio_bench::per_item_memory_counters memory(state, hand_offs);
  for (auto _ : state) {
    asio::io_context io(1);
    asio_channel a(io, 1), b(io, 1);
    asio::co_spawn(io, asio_channel_side(a, b, hand_offs / 2), asio::detached);
    asio::co_spawn(io, asio_channel_side(b, a, hand_offs / 2), asio::detached);
    a.try_send(boost::system::error_code(), std::int64_t(0));
    io.run();
  }
  state.SetItemsProcessed(state.iterations() * hand_offs);
}
BENCHMARK(asio_channel_hand_off)->Unit(benchmark::kMillisecond);

}  // namespace

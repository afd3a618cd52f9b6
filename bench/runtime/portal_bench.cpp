// Portal spawn round trip (another thread submits, the child runs on the
// loop, the future becomes ready) against asio::post of a handler that
// fulfils a std::promise on an io_context thread.
#include <benchmark/benchmark.h>

#include <corio/corio.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <future>
#include <optional>
#include <thread>

namespace {

constexpr std::int64_t calls = 2000;

void corio_portal_spawn_round_trip(benchmark::State& state) {
  std::promise<corio::portal> published;
  std::thread loop([&] {
    corio::run(corio::with_task_group([&](corio::task_group& g) -> corio::task<void> {
      published.set_value(g.portal());
      corio::event never_set;
      co_await never_set.wait();  // until the portal cancels the group
    }));
  });
  corio::portal p = published.get_future().get();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::int64_t i = 0; i < calls; ++i) sum += p.spawn([]() -> corio::task<int> { co_return 42; }).get();
    benchmark::DoNotOptimize(sum);
  }
  p.cancel();
  loop.join();
  state.SetItemsProcessed(state.iterations() * calls);
}
BENCHMARK(corio_portal_spawn_round_trip)->Unit(benchmark::kMillisecond)->UseRealTime();

void asio_post_promise_round_trip(benchmark::State& state) {
  boost::asio::io_context io;
  auto work = boost::asio::make_work_guard(io);
  std::thread loop([&] { io.run(); });
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::int64_t i = 0; i < calls; ++i) {
      std::promise<int> promise;
      std::future<int> result = promise.get_future();
      boost::asio::post(io, [&promise] { promise.set_value(42); });
      sum += result.get();
    }
    benchmark::DoNotOptimize(sum);
  }
  work.reset();
  loop.join();
  state.SetItemsProcessed(state.iterations() * calls);
}
BENCHMARK(asio_post_promise_round_trip)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

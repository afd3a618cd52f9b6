// spawn+join of N empty children, against the floor (bare coroutine frames
// of the same size) and the peer (asio::co_spawn on one io_context); and the
// bookkeeping bytes per child beyond the frame.
#include <benchmark/benchmark.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <corio/corio.hpp>

#include <coroutine>
#include <cstddef>
#include <exception>
#include <vector>

#include "allocation_counter.hpp"

namespace {

corio::task<void> empty_child() { co_return; }

// with_task_group keeps the body (and so its captures) alive until the
// group has finished.
corio::task<void> spawn_and_join(std::int64_t n) {
  co_await corio::with_task_group([n](corio::task_group& group) -> corio::task<void> {
    for (std::int64_t i = 0; i < n; ++i) group.spawn(empty_child());
    co_return;
  });
}

void corio_spawn_join(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  const corio_bench::per_item_memory_counters memory(state, n);
  for (auto _ : state) corio::run(spawn_and_join(n));
  state.SetItemsProcessed(state.iterations() * n);
}
// 10^4 and 10^5 show where the live frames stop fitting in the caches.
BENCHMARK(corio_spawn_join)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// The floor: a coroutine that does nothing, with a promise as large as
// corio's, so the frame allocation is the same size.
struct bare_coroutine {
  struct promise_type {
    alignas(std::max_align_t) std::byte same_size_as_corio[sizeof(corio::task<void>::promise_type)];
    bare_coroutine get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  std::coroutine_handle<promise_type> handle;
};

bare_coroutine bare_child() { co_return; }

// All N frames exist at once, as spawned children do before the loop runs
// them: create all, resume each to completion, destroy all.
void floor_bare_frames(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  std::vector<std::coroutine_handle<>> frames(static_cast<std::size_t>(n));
  const corio_bench::per_item_memory_counters memory(state, n);
  for (auto _ : state) {
    for (auto& h : frames) h = bare_child().handle;
    for (auto h : frames) h.resume();
    for (auto h : frames) h.destroy();
    benchmark::DoNotOptimize(frames.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(floor_bare_frames)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

namespace asio = boost::asio;

asio::awaitable<void> asio_empty_child() { co_return; }

void asio_co_spawn(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  const corio_bench::per_item_memory_counters memory(state, n);
  for (auto _ : state) {
    asio::io_context io(1);
    std::int64_t completed = 0;
    for (std::int64_t i = 0; i < n; ++i)
      asio::co_spawn(io, asio_empty_child(), [&completed](std::exception_ptr) { ++completed; });
    io.run();
    benchmark::DoNotOptimize(completed);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(asio_co_spawn)->Arg(1000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// The least any lazy, awaitable task needs in its promise: whom to resume
// when it ends, and room for its exception. What corio's frame carries on
// top of this is the runtime's bookkeeping.
struct minimal_task {
  struct promise_type {
    std::coroutine_handle<> continuation;
    std::exception_ptr error;
    minimal_task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { error = std::current_exception(); }
  };
  std::coroutine_handle<promise_type> handle;
};

minimal_task minimal_child() { co_return; }

// Memory per spawned child, reported as counters (the timing is
// incidental): the child's frame, the frame a minimal task with the same
// body needs, and whatever the runtime allocates beyond the frame.
void corio_bytes_per_child(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  std::size_t frame_bytes = 0;
  {
    corio_bench::allocation_scope one_frame;
    auto t = empty_child();
    benchmark::DoNotOptimize(t);
    frame_bytes = one_frame.delta().bytes;
  }
  std::size_t minimal_frame_bytes = 0;
  {
    corio_bench::allocation_scope one_frame;
    auto t = minimal_child();
    benchmark::DoNotOptimize(t);  // or the compiler elides the allocation
    minimal_frame_bytes = one_frame.delta().bytes;
    t.handle.destroy();
  }
  corio_bench::allocation_totals run_totals;
  std::size_t base_bytes = 0;
  for (auto _ : state) {
    {
      corio_bench::allocation_scope zero_children;
      corio::run(spawn_and_join(0));
      base_bytes = zero_children.delta().bytes;
    }
    corio_bench::allocation_scope with_children;
    corio::run(spawn_and_join(n));
    run_totals = with_children.delta();
  }
  const double per_child = double(run_totals.bytes - base_bytes) / double(n);
  state.counters["frame_bytes"] = double(frame_bytes);
  state.counters["minimal_task_frame_bytes"] = double(minimal_frame_bytes);
  state.counters["promise_bytes"] = double(sizeof(corio::task<void>::promise_type));
  state.counters["bytes_per_child"] = per_child;
  state.counters["bytes_beyond_frame_per_child"] = per_child - double(frame_bytes);
  state.counters["allocations_per_child"] = double(run_totals.count) / double(n);
}
BENCHMARK(corio_bytes_per_child)->Arg(10000)->Iterations(3)->Unit(benchmark::kMillisecond);

}  // namespace

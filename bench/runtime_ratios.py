#!/usr/bin/env python3
"""Turns one Google Benchmark JSON run of corio-runtime-bench into the
table of ratios that issue 13 sets targets for (all from the same run)."""
import json
import sys


def per_item_ns(benchmarks, name):
    """Nanoseconds per processed item (child, frame, hand-off, timer, call)."""
    # Google Benchmark turns SetItemsProcessed into a rate over CPU time, or
    # over real time for benchmarks marked UseRealTime (to_thread).
    return 1e9 / benchmarks[name]["items_per_second"]


def main():
    with open(sys.argv[1]) as f:
        run = json.load(f)
    benchmarks = {b["name"]: b for b in run["benchmarks"] if b.get("run_type", "iteration") == "iteration"}
    # With --benchmark_repetitions=N, each benchmark's median stands for it:
    # a loaded, shared machine makes single repetitions noisy.
    benchmarks.update({b["run_name"]: b for b in run["benchmarks"] if b.get("aggregate_name") == "median"})
    ns = lambda name: per_item_ns(benchmarks, name)
    context = run["context"]
    print(f"\n{context.get('date', '')}  {context.get('host_name', '')}  "
          f"{context.get('num_cpus', '?')} CPUs @ {context.get('mhz_per_cpu', '?')} MHz")

    rows = []

    def ratio(label, value, target, holds):
        rows.append((label, value, target, "yes" if holds else "NO"))

    spawn_1k, spawn_1m = ns("corio_spawn_join/1000"), ns("corio_spawn_join/1000000")
    floor_1k, floor_1m = ns("floor_bare_frames/1000"), ns("floor_bare_frames/1000000")
    asio_1k, asio_1m = ns("asio_co_spawn/1000"), ns("asio_co_spawn/1000000")
    ratio("spawn+join / floor (N=10^6)", f"{spawn_1m / floor_1m:.2f}x", "<= 2.0x", spawn_1m / floor_1m <= 2.0)
    ratio("spawn+join / asio co_spawn (N=10^6)", f"{spawn_1m / asio_1m:.2f}x", "<= 0.5x", spawn_1m / asio_1m <= 0.5)
    ratio("spawn+join / floor (N=10^3)", f"{spawn_1k / floor_1k:.2f}x", "", True)
    ratio("spawn+join / asio co_spawn (N=10^3)", f"{spawn_1k / asio_1k:.2f}x", "", True)
    ratio("spawn+join per child, N=10^6 / N=10^3", f"{spawn_1m / spawn_1k:.2f}x", "<= 1.3x", spawn_1m / spawn_1k <= 1.3)
    # The same growth in the floor is the cost of 10^6 live frames (about
    # 100 MB: no cache holds them); what corio adds per child on top of the
    # floor shows whether the runtime itself stays linear.
    ratio("floor per frame, N=10^6 / N=10^3", f"{floor_1m / floor_1k:.2f}x", "", True)
    ratio("corio's own cost per child (spawn+join - floor), N=10^6 / N=10^3",
          f"{(spawn_1m - floor_1m) / (spawn_1k - floor_1k):.2f}x "
          f"({spawn_1m - floor_1m:.1f} / {spawn_1k - floor_1k:.1f} ns)", "", True)
    event, sem, asio_switch = ns("corio_event_hand_off"), ns("corio_semaphore_hand_off"), ns("asio_timer_hand_off")
    ratio("event hand-off / asio timer hand-off", f"{event / asio_switch:.2f}x", "<= 0.5x", event / asio_switch <= 0.5)
    ratio("semaphore hand-off / asio timer hand-off", f"{sem / asio_switch:.2f}x", "<= 0.5x", sem / asio_switch <= 0.5)
    channel, asio_channel = ns("corio_channel_hand_off"), ns("asio_channel_hand_off")
    ratio("channel hand-off / event hand-off", f"{channel / event:.2f}x", "<= 1.5x", channel / event <= 1.5)
    ratio("channel hand-off / asio experimental::channel hand-off", f"{channel / asio_channel:.2f}x", "<= 0.5x",
          channel / asio_channel <= 0.5)
    generator_next, task_await = ns("corio_generator_next"), ns("corio_task_await")
    ratio("generator next() / task await", f"{generator_next / task_await:.2f}x", "<= 1.5x",
          generator_next / task_await <= 1.5)
    bytes_bench = benchmarks["corio_bytes_per_child/10000/iterations:3"]
    # Bookkeeping = how much larger a child's frame is than the frame of a
    # minimal awaitable task with the same body (whose promise holds only a
    # continuation and an exception_ptr), plus any heap bytes per child
    # beyond the frame (issue 13's memory benchmark; none).
    bookkeeping = (bytes_bench["frame_bytes"] - bytes_bench["minimal_task_frame_bytes"]
                   + bytes_bench["bytes_beyond_frame_per_child"])
    ratio("bookkeeping bytes per child (frame over a minimal task's + heap beyond the frame)",
          f"{bookkeeping:.0f} B", "<= 64 B", bookkeeping <= 64)
    to_thread, std_async = ns("corio_to_thread_round_trip/real_time"), ns("std_async_round_trip/real_time")
    ratio("to_thread / std::async round trip", f"{to_thread / std_async:.2f}x", "", True)
    portal, asio_post = ns("corio_portal_spawn_round_trip/real_time"), ns("asio_post_promise_round_trip/real_time")
    ratio("portal spawn / asio::post + std::promise round trip", f"{portal / asio_post:.2f}x", "<= 1.0x",
          portal / asio_post <= 1.0)

    print("\n| measure | value | target | holds |\n|---|---|---|---|")
    for label, value, target, holds in rows:
        print(f"| {label} | {value} | {target or '-'} | {holds if target else '-'} |")

    print("\n| benchmark | ns per item | heap allocations per item | page faults per item |\n|---|---|---|---|")
    sizes = ["1000", "10000", "100000", "1000000"]
    for name in [f"corio_spawn_join/{n}" for n in sizes] + [f"floor_bare_frames/{n}" for n in sizes] + [
                 "asio_co_spawn/1000", "asio_co_spawn/1000000",
                 "corio_event_hand_off", "corio_semaphore_hand_off", "asio_timer_hand_off",
                 "corio_channel_hand_off", "asio_channel_hand_off",
                 "corio_generator_next", "corio_task_await",
                 "corio_timers_virtual_time", "corio_timers_real_time_zero_delay",
                 "corio_with_timeout_enter_leave", "corio_move_on_after_enter_leave", "corio_shielded_enter_leave",
                 "corio_move_on_after_expiry",
                 "corio_to_thread_round_trip/real_time", "std_async_round_trip/real_time",
                 "corio_portal_spawn_round_trip/real_time", "asio_post_promise_round_trip/real_time"]:
        counter = lambda key: f"{benchmarks[name][key]:.4g}" if key in benchmarks[name] else "-"
        print(f"| {name} | {ns(name):.1f} | {counter('allocations_per_item')} | {counter('page_faults_per_item')} |")
    print(f"\nchild frame: {bytes_bench['frame_bytes']:.0f} B (promise {bytes_bench['promise_bytes']:.0f} B), "
          f"minimal task frame: {bytes_bench['minimal_task_frame_bytes']:.0f} B, "
          f"heap beyond the frame: {bytes_bench['bytes_beyond_frame_per_child']:.0f} B per child, "
          f"allocations per child: {bytes_bench['allocations_per_child']:.2f}")


if __name__ == "__main__":
    main()

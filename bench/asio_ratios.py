#!/usr/bin/env python3
"""The ratio table of corio-asio-bench (one Google Benchmark JSON run):
corio on Asio against Asio itself. Medians when run with repetitions."""
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        run = json.load(f)
    benchmarks = {b["name"]: b for b in run["benchmarks"] if b.get("run_type", "iteration") == "iteration"}
    benchmarks.update({b["run_name"]: b for b in run["benchmarks"] if b.get("aggregate_name") == "median"})
    # The ping-pong benchmarks fix their iteration count; Google Benchmark
    # appends it to the name.
    def find(prefix):
        for name, b in benchmarks.items():
            if name == prefix or name.startswith(prefix + "/"):
                return 1e9 / b["items_per_second"]
        raise KeyError(prefix)

    rows = []

    def ratio(label, a, b, target):
        value = find(a) / find(b)
        holds = "-" if target is None else ("yes" if value <= target else "NO")
        rows.append((label, f"{value:.2f}x", "-" if target is None else f"<= {target:.2f}x", holds))

    ratio("ping-pong use_task / use_awaitable", "ping_pong_use_task", "ping_pong_use_awaitable", 1.10)
    ratio("ping-pong use_task / callbacks", "ping_pong_use_task", "ping_pong_callbacks", None)
    ratio("ping-pong use_awaitable / callbacks", "ping_pong_use_awaitable", "ping_pong_callbacks", None)
    ratio("timer wait use_task / use_awaitable", "timer_wait_use_task", "timer_wait_use_awaitable", 1.10)
    ratio("from_asio spawn+join / co_spawn + handler", "spawn_join_from_asio", "spawn_join_co_spawn", 1.25)
    print("| measure | value | target | holds |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\n| benchmark | ns per item |\n|---|---|")
    for prefix in ["ping_pong_use_task", "ping_pong_use_awaitable", "ping_pong_callbacks", "timer_wait_use_task",
                   "timer_wait_use_awaitable", "spawn_join_from_asio", "spawn_join_co_spawn"]:
        print(f"| {prefix} | {find(prefix):.1f} |")


if __name__ == "__main__":
    main()

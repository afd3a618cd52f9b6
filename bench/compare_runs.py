#!/usr/bin/env python3
"""Compares two builds of corio-runtime-bench run back to back in one session.

    compare_runs.py --before a1.json a2.json --after b1.json b2.json

Each JSON is one run (ideally with --benchmark_repetitions, whose median
stands for the run). Runs of the two builds should alternate (before, after,
before, after) so that drift in the machine's load hits both sides alike.
Prints, per benchmark, each side's value in every run and the median of the
per-round after/before ratios (round i pairs the i-th before and after run).
"""
import argparse
import json
import statistics


def per_item_ns(path):
    """Nanoseconds per item of each benchmark in one run (medians if repeated)."""
    with open(path) as f:
        run = json.load(f)
    rows = [b for b in run["benchmarks"] if "items_per_second" in b]
    values = {b["name"]: b for b in rows if b.get("run_type", "iteration") == "iteration"}
    values.update({b["run_name"]: b for b in rows if b.get("aggregate_name") == "median"})
    return {name: 1e9 / b["items_per_second"] for name, b in values.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", nargs="+", required=True)
    parser.add_argument("--after", nargs="+", required=True)
    args = parser.parse_args()
    if len(args.before) != len(args.after):
        parser.error("give as many --after runs as --before runs (one pair per round)")
    before = [per_item_ns(p) for p in args.before]
    after = [per_item_ns(p) for p in args.after]
    names = [n for n in before[0] if all(n in run for run in before + after)]

    print("| benchmark | before (ns/item, each run) | after (ns/item, each run) | after / before (median) |")
    print("|---|---|---|---|")
    for name in names:
        ratios = [a[name] / b[name] for b, a in zip(before, after)]
        fmt = lambda runs: ", ".join(f"{run[name]:.1f}" for run in runs)
        print(f"| {name} | {fmt(before)} | {fmt(after)} | {statistics.median(ratios):.2f}x |")


if __name__ == "__main__":
    main()

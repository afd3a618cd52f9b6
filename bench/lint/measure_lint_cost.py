#!/usr/bin/env python3
"""What the async-* checks cost on top of clang-tidy's own parsing.

For each translation unit (from a compile_commands.json), runs corio-tidy
  - with only objc-forbidden-subclassing, which registers nothing on C++:
    parse + AST only (with no check at all, clang-tidy does not parse),
  - with `-*,async-*`,
  - with `-*,async-*` and --enable-check-profile,
alternating, --repeat times each. With --with-checks LIST (for instance
`bugprone-*,misc-*`, as users run it), the baseline is `-*,LIST` and the
other two runs add async-* to it: what the checks cost next to the upstream
checks they share clang-tidy's parent map and traversal with. It reports the median wall time of the
first two, the median of the per-round ratios time(-*,async-*) / time(-*)
(each round runs the two back to back, so a slow spell of the machine
slows both and cancels out), and each check's share of the baseline from
clang-tidy's own per-check profile (matcher, check callback and end-of-TU
time, which is what the check adds), the fastest of the profiled runs for
each check. The ratio comes from runs without the profile, whose timers
would add to it.

usage: measure_lint_cost.py --corio-tidy build/bin/corio-tidy -p build \
           [--repeat 5] [--with-checks 'bugprone-*,misc-*'] FILE...
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

PROFILE_LINE = re.compile(r"^\s*([\d.]+) \(\s*[\d.]+%\)\s+([\d.]+) \(\s*[\d.]+%\)\s+"
                          r"([\d.]+) \(\s*[\d.]+%\)\s+([\d.]+) \(\s*[\d.]+%\)\s+(\S+)\s*$")


def compile_commands(build_dir):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        return {os.path.realpath(e["file"]): e for e in json.load(f)}


def run(cmd, cwd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - start, proc


def check_profile(stderr):
    """Per-check wall seconds from --enable-check-profile's table."""
    shares = {}
    for line in stderr.splitlines():
        m = PROFILE_LINE.match(line)
        if m and m.group(5).startswith("async-"):
            shares[m.group(5)] = float(m.group(4))
    return shares


def measure(args, path, entry):
    base = [args.corio_tidy, "-p", args.build_dir, "--config={}", "--quiet"]
    others = args.with_checks or "objc-forbidden-subclassing"
    with_async = f"-*,{args.with_checks},async-*" if args.with_checks else "-*,async-*"
    baseline_cmd = base + [f"--checks=-*,{others}", path]
    full_cmd = base + [f"--checks={with_async}", path]
    profile_cmd = base + [f"--checks={with_async}", "--enable-check-profile", path]
    baseline, full, profile = [], [], {}
    for _ in range(args.repeat):
        t, _ = run(baseline_cmd, entry["directory"])
        baseline.append(t)
        t, _ = run(full_cmd, entry["directory"])
        full.append(t)
        _, proc = run(profile_cmd, entry["directory"])
        for check, seconds in check_profile(proc.stderr).items():
            profile[check] = min(seconds, profile.get(check, seconds))
    ratio = statistics.median(f / b for f, b in zip(full, baseline))
    return statistics.median(baseline), statistics.median(full), ratio, profile


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corio-tidy", required=True)
    p.add_argument("-p", dest="build_dir", required=True)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--with-checks", default="",
                   help="upstream checks in both runs, e.g. 'bugprone-*,misc-*'")
    p.add_argument("files", nargs="+")
    args = p.parse_args()
    args.corio_tidy = os.path.abspath(args.corio_tidy)
    args.build_dir = os.path.abspath(args.build_dir)
    db = compile_commands(args.build_dir)

    rows, checks = [], set()
    for file in args.files:
        path = os.path.realpath(file)
        if path not in db:
            sys.exit(f"{file} is not in {args.build_dir}/compile_commands.json")
        baseline, full, ratio, profile = measure(args, path, db[path])
        checks |= set(profile)
        rows.append((os.path.relpath(path), baseline, full, ratio, profile))
        print(f"measured {os.path.relpath(path)}", file=sys.stderr)

    checks = sorted(checks)
    others = f"-*,{args.with_checks}" if args.with_checks else "-*"
    header = ["translation unit", f"time({others}) s", f"time({others},async-*) s", "ratio"] + \
             [f"{c} %" for c in checks]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, baseline, full, ratio, profile in rows:
        shares = [f"{100 * profile.get(c, 0.0) / baseline:.2f}" for c in checks]
        print(f"| {name} | {baseline:.3f} | {full:.3f} | {ratio:.3f} | "
              + " | ".join(shares) + " |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""What the async-* checks cost on top of clang-tidy's own parsing.

For each translation unit (from a compile_commands.json), runs corio-tidy
  - with only objc-forbidden-subclassing, which registers nothing on C++:
    parse + AST only (with no check at all, clang-tidy does not parse),
  - with `-*,async-*` and --enable-check-profile,
alternating, --repeat times each, and reports the fastest wall time of
each, their ratio time(-*,async-*) / time(-*), and each check's share of
the baseline from clang-tidy's own per-check profile (matcher and check
callback time, which is what the check adds).

usage: measure_lint_cost.py --corio-tidy build/bin/corio-tidy -p build \
           [--repeat 5] [--markdown] FILE...
"""
import argparse
import json
import os
import re
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
    baseline_cmd = base + ["--checks=-*,objc-forbidden-subclassing", path]
    full_cmd = base + ["--checks=-*,async-*", "--enable-check-profile", path]
    baseline, full, profiles = [], [], []
    for _ in range(args.repeat):
        t, _ = run(baseline_cmd, entry["directory"])
        baseline.append(t)
        t, proc = run(full_cmd, entry["directory"])
        full.append(t)
        profiles.append(check_profile(proc.stderr))
    best = min(range(args.repeat), key=lambda i: full[i])
    return min(baseline), min(full), profiles[best]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corio-tidy", required=True)
    p.add_argument("-p", dest="build_dir", required=True)
    p.add_argument("--repeat", type=int, default=5)
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
        baseline, full, profile = measure(args, path, db[path])
        checks |= set(profile)
        rows.append((os.path.relpath(path), baseline, full, profile))
        print(f"measured {os.path.relpath(path)}", file=sys.stderr)

    checks = sorted(checks)
    header = ["translation unit", "time(-*) s", "time(-*,async-*) s", "ratio"] + \
             [f"{c} %" for c in checks]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, baseline, full, profile in rows:
        shares = [f"{100 * profile.get(c, 0.0) / baseline:.2f}" for c in checks]
        print(f"| {name} | {baseline:.3f} | {full:.3f} | {full / baseline:.3f} | "
              + " | ".join(shares) + " |")


if __name__ == "__main__":
    main()

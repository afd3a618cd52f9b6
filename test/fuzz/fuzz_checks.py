#!/usr/bin/env python3
"""Mutation fuzzing of the async-* checks: never crash, never hang.

Takes every check test and example source, applies seeded mutations
(mutate.py) and runs all async-* checks on each mutant with a sanitizer
build of corio-tidy. A crash, an assertion, a sanitizer report or a run
longer than the time bound is a finding: the mutant is saved with a file
that says how to reproduce it, and the run fails.

  fuzz_checks.py --corio-tidy build/bin/corio-tidy-asan --seed 1 --mutants 60
  fuzz_checks.py --corio-tidy build/bin/corio-tidy-asan --minutes 60   # nightly
"""
import argparse
import concurrent.futures
import os
import random
import subprocess
import sys
import time

from mutate import mutate

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
FAILURE_MARKS = ("Stack dump", "AddressSanitizer", "LeakSanitizer", "runtime error:",
                 "Assertion", "UNREACHABLE", "PLEASE submit a bug report")


def seed_sources():
    dirs = [os.path.join(ROOT, "test", "checks"), os.path.join(ROOT, "examples")]
    sources = []
    for d in dirs:
        for base, _, files in os.walk(d):
            if os.sep + "Inputs" in base:
                continue
            sources += [os.path.join(base, f) for f in files if f.endswith(".cpp")]
    return sorted(sources)


def compile_args():
    return ["-std=c++20", "-isystem", os.path.join(ROOT, "test", "checks", "Inputs"),
            "-I", os.path.join(ROOT, "lib", "include"), "-I", os.path.join(ROOT, "examples"),
            "-ferror-limit=0"]


def run_one(args, source, seed, index):
    rng = random.Random(f"{seed}:{index}:{os.path.relpath(source, ROOT)}")
    with open(source) as f:
        text, applied = mutate(f.read(), rng, rng.randint(1, 4))
    path = os.path.join(args.work_dir, f"mutant-{seed}-{index}.cpp")
    with open(path, "w") as f:
        f.write(text)
    cmd = [args.corio_tidy, "--checks=-*,async-*", "--config={}", path, "--"] + compile_args()
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
               UBSAN_OPTIONS="print_stacktrace=1")
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout, env=env)
        output = proc.stdout + proc.stderr
        problem = None
        if proc.returncode not in (0, 1):
            problem = f"exit code {proc.returncode}"
        mark = next((m for m in FAILURE_MARKS if m in output), None)
        if mark:
            problem = f"output contains {mark!r}"
    except subprocess.TimeoutExpired:
        output, problem = "", f"took longer than {args.timeout}s"
    elapsed = time.monotonic() - start
    if problem is None:
        os.remove(path)
        return None
    with open(path + ".txt", "w") as f:
        f.write(f"seed source: {os.path.relpath(source, ROOT)}\nmutations: {applied}\n"
                f"problem: {problem}\nreproduce: {' '.join(cmd)}\n\n{output[-20000:]}")
    return f"{path}: {problem} ({elapsed:.1f}s; from {os.path.relpath(source, ROOT)}, {applied})"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corio-tidy", required=True)
    p.add_argument("--seed", default=None, help="default: random, printed")
    p.add_argument("--mutants", type=int, default=60, help="number of mutants to run")
    p.add_argument("--minutes", type=float, default=None,
                   help="run until this much time has passed instead of --mutants")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count())
    p.add_argument("--work-dir", default=os.path.join(os.getcwd(), "fuzz-findings"))
    args = p.parse_args()
    seed = args.seed if args.seed is not None else str(random.SystemRandom().randrange(1 << 30))
    os.makedirs(args.work_dir, exist_ok=True)
    sources = seed_sources()
    print(f"fuzz: seed {seed}, {len(sources)} seed sources, findings go to {args.work_dir}",
          flush=True)

    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    findings, done, index = [], 0, 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        pending = set()
        while True:
            more = (time.monotonic() < deadline) if deadline else index < args.mutants
            while more and len(pending) < args.jobs * 2:
                source = sources[index % len(sources)]
                pending.add(pool.submit(run_one, args, source, seed, index))
                index += 1
                more = (time.monotonic() < deadline) if deadline else index < args.mutants
            if not pending:
                break
            finished, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in finished:
                done += 1
                result = future.result()
                if result:
                    findings.append(result)
                    print("FINDING:", result, flush=True)
    for finding in findings:
        print("FINDING:", finding)
    print(f"fuzz: seed {seed}: {done - len(findings)} passed, {len(findings)} failed")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()

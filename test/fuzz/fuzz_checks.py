#!/usr/bin/env python3
"""Mutation fuzzing of the async-* checks: never crash, never hang.

Takes every check test and example source, applies seeded mutations
(mutate.py) and runs all async-* checks on each mutant with a sanitizer
build of corio-tidy and, given --corio-clangd, with the sanitizer build of
corio-clangd (`--check=MUTANT`, the checks enabled by a .clangd file as in an
editor, and every --clangd-tidy-time-every'th mutant also with
`--check-tidy-time='async-*'`, which rebuilds the AST with each check alone).
Before the mutants, corio-clangd also runs on every seed source unmutated,
and both tools on the generated 50,404-line translation unit of
test/checks/robustness-c-and-large.cpp, where they must report exactly its
720 findings. A crash, an assertion, a sanitizer report or a run longer than
the time bound is a finding: the input is saved with a file that says how to
reproduce it, and the run fails.

  fuzz_checks.py --corio-tidy build/bin/corio-tidy-asan --seed 1 --mutants 60
  fuzz_checks.py --corio-tidy build/bin/corio-tidy-asan \
      --corio-clangd build/bin/corio-clangd-asan --minutes 60      # nightly
"""
import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import time

from mutate import mutate

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
FAILURE_MARKS = ("Stack dump", "AddressSanitizer", "LeakSanitizer", "runtime error:",
                 "Assertion", "UNREACHABLE", "PLEASE submit a bug report")
# The generated translation unit of test/checks/robustness-c-and-large.cpp.
LARGE_TU_GENERATOR = os.path.join(ROOT, "test", "checks", "Inputs", "generate_large_tu.py")
LARGE_TU_BLOCKS = 7200
LARGE_TU_FINDINGS = 720
# clang-tidy exits with 1 when the file has errors; clangd --check with 3
# (ASan's own exit code is 1, and its report a failure mark).
OK_EXIT_CODES = {"corio-tidy": (0, 1), "corio-clangd": (0, 3)}
# The checks, for --check-tidy-time one at a time: as the module registers them.
with open(os.path.join(ROOT, "checks", "AsyncTidyModule.cpp")) as _module:
    CHECKS = sorted(set(re.findall(r'registerCheck<\w+>\(\s*"(async-[a-z-]+)"', _module.read())))
# detect_leaks: the checks free what they allocate. max_free_fill_size: freed
# memory is overwritten, so that LLVM's and clangd's uninstrumented code
# (which ASan does not check) crashes when it reads memory the checks made it
# free, instead of reading the stale bytes ASan's quarantine keeps intact.
ASAN_OPTIONS = "detect_leaks=1:abort_on_error=0:max_free_fill_size=1048576"
# What a user puts next to their code to get async-* in clangd (docs/ide.md),
# and a .clang-tidy that keeps the project's own (found above the work
# directory) out: clangd reads both, from the file's directory upwards.
CLANGD_CONFIG = """# Written by test/fuzz/fuzz_checks.py, as docs/ide.md says.
Diagnostics:
  ClangTidy:
    Add: [async-*]
    FastCheckFilter: Loose
"""
CLANG_TIDY_CONFIG = "# Written by test/fuzz/fuzz_checks.py.\nChecks: '-*,async-*'\n"


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


def prepare_work_dir(work_dir):
    """corio-clangd finds its compile flags and configuration next to the
    files it checks: every input is written into the work directory."""
    with open(os.path.join(work_dir, "compile_flags.txt"), "w") as f:
        f.write("\n".join(compile_args()) + "\n")
    with open(os.path.join(work_dir, ".clangd"), "w") as f:
        f.write(CLANGD_CONFIG)
    with open(os.path.join(work_dir, ".clang-tidy"), "w") as f:
        f.write(CLANG_TIDY_CONFIG)


def tidy_command(args, path):
    return [args.corio_tidy, "--checks=-*,async-*", "--config={}", path, "--"] + compile_args()


def clangd_command(args, path, tidy_time, warnings=False):
    """--check=path with the checks the .clangd enables, all at once (as in
    an editor); with tidy_time (a check glob) also --check-tidy-time, which
    then builds the AST again many times in the same process, with each
    matching check alone. --check-locations=false: hover, go-to-definition
    and tweaks at every token are clangd's own code, not the checks'."""
    cmd = [args.corio_clangd, f"--check={path}", "--check-locations=false"]
    if tidy_time:
        cmd.append(f"--check-tidy-time={tidy_time}")
    if warnings:
        cmd.append("--check-warnings")
    return cmd


def run_tool(cmd, timeout, ok_codes, cwd=None):
    """Runs one tool; returns (problem or None, output, seconds)."""
    env = dict(os.environ, ASAN_OPTIONS=ASAN_OPTIONS, UBSAN_OPTIONS="print_stacktrace=1")
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                              cwd=cwd)
        output = proc.stdout + proc.stderr
        problem = None
        if proc.returncode not in ok_codes:
            problem = f"exit code {proc.returncode}"
        mark = next((m for m in FAILURE_MARKS if m in output), None)
        if mark:
            problem = f"output contains {mark!r}"
    except subprocess.TimeoutExpired as e:
        output = "".join(x.decode(errors="replace") if isinstance(x, bytes) else (x or "")
                         for x in (e.stdout, e.stderr))
        problem = f"took longer than {timeout}s"
    return problem, output, time.monotonic() - start


def run_tools(args, path, origin, mutations, runs):
    """Runs each (tool, cmd, report suffix, timeout, check) of runs on the
    input at path; check(output) may name a problem in a clean run. Returns
    the findings; removes the input if there are none."""
    findings = []
    for tool, cmd, suffix, timeout, check in runs:
        problem, output, elapsed = run_tool(cmd, timeout, OK_EXIT_CODES[tool])
        if problem is None and check:
            problem = check(output)
        if problem is None:
            continue
        with open(path + suffix, "w") as f:
            f.write(f"seed source: {origin}\nmutations: {mutations}\ntool: {tool}\n"
                    f"problem: {problem}\nreproduce: {' '.join(cmd)}\n"
                    f"(compile flags and .clangd: {os.path.dirname(path)})\n\n"
                    f"{output[-20000:]}")
        findings.append(f"{path}: {tool}: {problem} ({elapsed:.1f}s; from {origin}, "
                        f"{mutations})")
    if not findings:
        os.remove(path)
    return findings


def tool_runs(args, path, clangd_tidy_time=None, check_tidy=None, check_clangd=None,
              timeout=None, warnings=False, tidy=True, clangd=True):
    timeout = timeout or args.timeout
    runs = []
    if tidy and args.corio_tidy:
        runs.append(("corio-tidy", tidy_command(args, path), ".txt", timeout, check_tidy))
    if clangd and args.corio_clangd:
        runs.append(("corio-clangd", clangd_command(args, path, clangd_tidy_time, warnings),
                     ".clangd.txt", args.tidy_time_timeout if clangd_tidy_time else timeout,
                     check_clangd))
    return runs


def run_one(args, source, seed, index):
    rng = random.Random(f"{seed}:{index}:{os.path.relpath(source, ROOT)}")
    with open(source) as f:
        text, applied = mutate(f.read(), rng, rng.randint(1, 4))
    path = os.path.join(args.work_dir, f"mutant-{seed}-{index}.cpp")
    with open(path, "w") as f:
        f.write(text)
    every, tidy_time = args.clangd_every, args.clangd_tidy_time_every
    clangd = every > 0 and index % every == 0
    tidy_time_check = None
    if clangd and tidy_time > 0 and (index // every) % tidy_time == 0:
        tidy_time_check = CHECKS[(index // every // tidy_time) % len(CHECKS)]
    return run_tools(args, path, os.path.relpath(source, ROOT), applied,
                     tool_runs(args, path, tidy_time_check, clangd=clangd))


def run_seed(args, source):
    """An unmutated seed source, through corio-clangd (corio-tidy runs them
    in the lit suites)."""
    rel = os.path.relpath(source, ROOT)
    path = os.path.join(args.work_dir, "seed-" + rel.replace(os.sep, "-"))
    shutil.copyfile(source, path)
    return run_tools(args, path, rel, "none", tool_runs(args, path, tidy=False))


def count_findings(pattern, want):
    def check(output):
        got = len(re.findall(pattern, output))
        return None if got == want else f"{got} async-blocking-call findings, not {want}"
    return check


def run_large(args):
    """The generated large translation unit: no crash, no hang, and all of
    its findings, in clangd as in clang-tidy."""
    path = os.path.join(args.work_dir, f"large-{LARGE_TU_BLOCKS}.cpp")
    with open(path, "w") as f:
        subprocess.run([sys.executable, LARGE_TU_GENERATOR, str(LARGE_TU_BLOCKS)], stdout=f,
                       check=True)
    return run_tools(args, path, f"generate_large_tu.py {LARGE_TU_BLOCKS}", "none", tool_runs(
        args, path, timeout=args.large_timeout, warnings=True,
        check_tidy=count_findings(r"warning: [^\n]*\[async-blocking-call\]", LARGE_TU_FINDINGS),
        check_clangd=count_findings(r"\[async-blocking-call\] Line \d+:", LARGE_TU_FINDINGS)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corio-tidy", help="corio-tidy-asan (or any clang-tidy with async-*)")
    p.add_argument("--corio-clangd", help="corio-clangd-asan: fuzz clangd too")
    p.add_argument("--clangd-every", type=int, default=1, metavar="N",
                   help="run every N-th mutant through corio-clangd too (0: none)")
    p.add_argument("--clangd-tidy-time-every", type=int, default=10, metavar="N",
                   help="of those, every N-th also with --check-tidy-time=<one check>, "
                        "the checks in turn (0: none)")
    p.add_argument("--tidy-time-timeout", type=float, default=600.0,
                   help="seconds per corio-clangd run with --check-tidy-time")
    p.add_argument("--no-seeds", action="store_true",
                   help="skip the unmutated seed sources and the large generated TU")
    p.add_argument("--large-timeout", type=float, default=600.0,
                   help="seconds per run on the large generated TU")
    p.add_argument("--seed", default=None, help="default: random, printed")
    p.add_argument("--mutants", type=int, default=60, help="number of mutants to run")
    p.add_argument("--minutes", type=float, default=None,
                   help="run until this much time has passed instead of --mutants")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count())
    p.add_argument("--work-dir", default=os.path.join(os.getcwd(), "fuzz-findings"))
    args = p.parse_args()
    if not args.corio_tidy and not args.corio_clangd:
        p.error("give --corio-tidy, --corio-clangd or both")
    seed = args.seed if args.seed is not None else str(random.SystemRandom().randrange(1 << 30))
    args.work_dir = os.path.abspath(args.work_dir)
    os.makedirs(args.work_dir, exist_ok=True)
    prepare_work_dir(args.work_dir)
    sources = seed_sources()
    tools = [t for t, path in (("corio-tidy", args.corio_tidy), ("corio-clangd", args.corio_clangd))
             if path]
    print(f"fuzz: seed {seed}, {len(sources)} seed sources, tools: {', '.join(tools)}, "
          f"findings go to {args.work_dir}", flush=True)
    started = time.monotonic()

    # The unmutated inputs first (the large one first of all: it takes
    # longest), then mutants until --mutants or --minutes.
    fixed_jobs = [] if args.no_seeds else (
        [(run_large, (args,))]
        + [(run_seed, (args, source)) for source in sources if args.corio_clangd])
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    findings, done, index, seeds_done = [], 0, 0, 0
    seeds_left = len(fixed_jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        pending = {}
        while True:
            while fixed_jobs and len(pending) < args.jobs * 2:
                job, job_args = fixed_jobs.pop(0)
                pending[pool.submit(job, *job_args)] = "seed"
            more = (time.monotonic() < deadline) if deadline else index < args.mutants
            while not fixed_jobs and more and len(pending) < args.jobs * 2:
                source = sources[index % len(sources)]
                pending[pool.submit(run_one, args, source, seed, index)] = "mutant"
                index += 1
                more = (time.monotonic() < deadline) if deadline else index < args.mutants
            if not pending:
                break
            finished, _ = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in finished:
                kind = pending.pop(future)
                result = future.result()
                if kind == "seed":
                    seeds_done += 1
                    seeds_left -= 1
                    if seeds_left == 0:
                        print(f"fuzz: {seeds_done} unmutated inputs in "
                              f"{time.monotonic() - started:.0f}s", flush=True)
                else:
                    done += 1
                for finding in result:
                    findings.append(finding)
                    print("FINDING:", finding, flush=True)
    for finding in findings:
        print("FINDING:", finding)
    failed_inputs = len({f.split(": ")[0] for f in findings})
    print(f"fuzz: seed {seed}: {seeds_done} unmutated inputs and {done} mutants in "
          f"{time.monotonic() - started:.0f}s; {seeds_done + done - failed_inputs} passed, "
          f"{failed_inputs} failed ({len(findings)} findings)")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()

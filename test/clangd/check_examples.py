#!/usr/bin/env python3
"""`corio-clangd --check` on every example, as docs/ide.md runs it: from the
build tree, with the build's compile_commands.json and no --resource-dir.
Each must parse without a single error (clangd has to find clang's builtin
headers through the build tree's lib/clang/N link, or Asio's coroutine
support is missing) and the server must not crash.

With --tidy-time=GLOB, also with --check-tidy-time=GLOB, which builds the
AST again with each matching check alone (the cost command of docs/ide.md).

usage: check_examples.py [--tidy-time=GLOB] CLANGD BUILD_DIR EXAMPLES_DIR
"""
import json
import os
import re
import subprocess
import sys
import time

ERROR_LINE = re.compile(r"^E\[[^\]]*\] \[(?P<name>[^\]]*)\] Line (?P<line>\d+): (?P<msg>.*)$", re.M)


def main():
    tidy_time = None
    argv = sys.argv[1:]
    while argv and argv[0].startswith("--"):
        key, _, value = argv.pop(0)[2:].partition("=")
        if key == "tidy-time":
            tidy_time = value
        else:
            sys.exit(f"unknown option --{key}")
    clangd, build, examples = argv
    examples = os.path.realpath(examples)
    resource = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(clangd))),
                            "lib", "clang")
    failures = []
    versions = os.listdir(resource) if os.path.isdir(resource) else []
    if not any(os.path.isdir(os.path.join(resource, v, "include")) for v in versions):
        failures.append(f"{resource}: no clang resource directory (lib/clang/N/include) "
                        "next to corio-clangd")
    with open(os.path.join(build, "compile_commands.json")) as f:
        database = json.load(f)
    files = sorted({os.path.realpath(os.path.join(e["directory"], e["file"])) for e in database}
                   & {os.path.join(b, n) for b, _, ns in os.walk(examples) for n in ns})
    on_disk = sorted(os.path.join(b, n) for b, _, ns in os.walk(examples) for n in ns
                     if n.endswith(".cpp"))
    for missing in sorted(set(on_disk) - set(files)):
        failures.append(f"{missing}: not in {build}/compile_commands.json")
    for path in files:
        rel = os.path.relpath(path, os.path.dirname(examples))
        cmd = [clangd, f"--compile-commands-dir={build}", f"--check={path}",
               "--check-locations=false"]
        if tidy_time:
            cmd.append(f"--check-tidy-time={tidy_time}")
        start = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.monotonic() - start
        log = proc.stdout + proc.stderr
        errors = ERROR_LINE.findall(log)
        for name, line, msg in errors:
            failures.append(f"{rel}:{line}: [{name}] {msg}")
        if proc.returncode != 0 or "All checks completed, 0 errors" not in log:
            failures.append(f"{rel}: `{' '.join(cmd)}` exit status {proc.returncode}"
                            + ("" if errors else ":\n" + log[-3000:]))
        timings = re.findall(r"^I\[[^\]]*\]\s+(async-[a-z-]+) = (-?\d+%)$", log, re.M)
        print(f"{rel}: exit status {proc.returncode}, {len(errors)} errors, {elapsed:.1f}s"
              + ("; " + ", ".join(f"{c} {t}" for c, t in timings) if timings else ""),
              flush=True)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(files)} examples, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

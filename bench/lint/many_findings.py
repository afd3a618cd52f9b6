#!/usr/bin/env python3
"""Writes translation units dense with findings, and a compile database for them.

A per-finding cost hides behind clean code: these files give the checks many
findings, next to code that upstream checks which ask for parents
(bugprone-use-after-move) also report, so that any work a check does per
finding, or any shared state it disturbs, shows in measure_lint_cost.py.

  dropped_tasks.cpp   200 coroutines, each with a dropped corio::task
                      (async-unawaited-task) and a string used after a move
  blocking_calls.cpp  200 coroutines, each with two blocking sleeps
                      (async-blocking-call, 400 in all) and a use after move

usage: many_findings.py OUTDIR --include DIR   (DIR: corio's lib/include)
"""
import argparse
import json
import os

COROUTINES = 200

PRELUDE = """\
#include <corio/corio.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <utility>

corio::task<int> work(std::string s);
void consume(std::string s);
"""

DROPPED_TASK = """
corio::task<> dropped_{i}() {{
  std::string s = "{i}";
  consume(std::move(s));
  work(s);
  co_return;
}}
"""

BLOCKING_CALLS = """
corio::task<> blocking_{i}(std::string s) {{
  std::this_thread::sleep_for(std::chrono::milliseconds({i}));
  std::string t = std::move(s);
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  consume(s);
  co_return;
}}
"""


def write(path, body):
    with open(path, "w") as f:
        f.write(PRELUDE)
        for i in range(COROUTINES):
            f.write(body.format(i=i))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("outdir")
    p.add_argument("--include", required=True, help="corio's lib/include")
    p.add_argument("--compiler", default="clang++-22")
    args = p.parse_args()
    outdir = os.path.abspath(args.outdir)
    os.makedirs(outdir, exist_ok=True)
    entries = []
    for name, body in (("dropped_tasks.cpp", DROPPED_TASK), ("blocking_calls.cpp", BLOCKING_CALLS)):
        path = os.path.join(outdir, name)
        write(path, body)
        entries.append({
            "directory": outdir,
            "file": path,
            "arguments": [args.compiler, "-std=c++20", "-I", os.path.abspath(args.include),
                          "-c", path, "-o", path + ".o"],
        })
    with open(os.path.join(outdir, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=2)
    for e in entries:
        print(e["file"])


if __name__ == "__main__":
    main()

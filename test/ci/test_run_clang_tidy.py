#!/usr/bin/env python3
"""docs/ci.md's split of work with Debian's run-clang-tidy-22 holds: with
this build's corio-tidy as its clang-tidy it applies fixes project-wide
(what corio-tidy-project leaves to it), and it prints a header's finding
once per translation unit where corio-tidy-project prints it once."""
import re

from ci_support import TIDY_ARGS, fail, parse_args, run, scratch_project

args = parse_args()
project = scratch_project(args.scratch)
CHECKS = "-*,async-blocking-call,modernize-use-nullptr"
HEADER_FINDING = re.compile(r"^(?:\S*/)?sleepy\.hpp:11:\d+: warning:", re.MULTILINE)

theirs = run(["run-clang-tidy-22", "-clang-tidy-binary", args.corio_tidy,
              "-clang-apply-replacements-binary", "clang-apply-replacements-22",
              "-p", ".", f"-checks={CHECKS}", "-header-filter=.*", "-quiet", "-fix"],
             cwd=project, expect_status={0})
if "int *no_pointer() { return nullptr; }" not in (project / "golden.cpp").read_text():
    fail(f"run-clang-tidy -fix did not apply the nullptr fix:\n{theirs.stdout}")
if len(HEADER_FINDING.findall(theirs.stdout)) != 2:
    fail(f"expected run-clang-tidy to print sleepy.hpp's finding for both files:\n{theirs.stdout}")

ours = run([args.project_tool, "--corio-tidy", args.corio_tidy, "-p", ".", "--",
            f"--checks={CHECKS}", *TIDY_ARGS[1:]], cwd=project, expect_status={1})
if len(HEADER_FINDING.findall(ours.stdout)) != 1:
    fail(f"corio-tidy-project should print sleepy.hpp's finding once:\n{ours.stdout}")
print("corio-tidy-project next to run-clang-tidy: 2 passed, 0 failed")

#!/usr/bin/env python3
"""corio-tidy-project: a parallel run reports exactly what a serial run
does, a header's finding is printed once, shards partition the files and
their merged reports equal the whole run's, and the summary adds up."""
import re

from ci_support import (INPUT_SOURCES, TIDY_ARGS, fail, parse_args, read_json, run,
                        scratch_project)

args = parse_args()
project = scratch_project(args.scratch)
FINDING = re.compile(r"^\S+:\d+:\d+: (?:warning|error): .*$", re.MULTILINE)


def project_run(name, *flags):
    """Runs over inputs/ writing <name>.sarif, .gitlab.json, .baseline.json."""
    proc = run([args.project_tool, "--corio-tidy", args.corio_tidy, "-p", ".", *flags,
                f"--export-sarif={name}.sarif", f"--export-gitlab={name}.gitlab.json",
                f"--write-baseline={name}.baseline.json", "--", *TIDY_ARGS],
               cwd=project, expect_status={0, 1})
    return proc


def report(name, kind):
    return (project / f"{name}.{kind}").read_text(encoding="utf-8")


serial = project_run("serial", "-j", "1")
parallel = project_run("parallel", "-j", "3")
if serial.returncode != 0:
    fail("a run that writes the baseline it was asked for must exit 0")
for kind in ["sarif", "gitlab.json", "baseline.json"]:
    if report("serial", kind) != report("parallel", kind):
        fail(f"-j 3 and -j 1 wrote different {kind} reports")
printed = FINDING.findall(parallel.stdout)
if sorted(FINDING.findall(serial.stdout)) != sorted(printed) or len(printed) != 5:
    fail(f"expected the same 5 findings printed by both runs:\n{serial.stdout}\n---\n{parallel.stdout}")
header_lines = [line for line in printed if line.startswith("sleepy.hpp:")]
if len(header_lines) != 1:
    fail(f"sleepy.hpp's finding (reached from two files) printed {len(header_lines)} times")
summary = re.search(r"3 translation units in .*\n(?:  .*\n)*  total\s+5 findings", parallel.stdout)
if not summary or not re.search(r"async-blocking-call\s+3\n", parallel.stdout):
    fail(f"no summary with 3 files, 3 async-blocking-call and 5 findings:\n{parallel.stdout}")

# The same single corio-tidy run over all files must agree with the baseline
# the project run merged from one run per file.
run([args.corio_tidy, "-p", ".", *TIDY_ARGS, "--write-baseline=direct.baseline.json",
     *INPUT_SOURCES], cwd=project, expect_status={0})
if read_json(project / "direct.baseline.json") != read_json(project / "serial.baseline.json"):
    fail("the project run's merged baseline differs from one corio-tidy run's")

shard_files = []
for k in (1, 2, 3):
    shard = project_run(f"shard{k}", "--shard", f"{k}/3")
    shard_files.append(re.findall(r"^\[\d+/\d+\] (\S+):", shard.stderr, re.MULTILINE))
flat = sorted(f for files in shard_files for f in files)
if flat != sorted(INPUT_SOURCES) or any(len(f) != 1 for f in shard_files):
    fail(f"3 shards of 3 files should take one file each: {shard_files}")
for kind, flag in [("sarif", "--merge-sarif"), ("gitlab.json", "--merge-gitlab"),
                   ("baseline.json", "--merge-baseline")]:
    run([args.project_tool, flag, f"merged.{kind}", *(f"shard{k}.{kind}" for k in (1, 2, 3))],
        cwd=project, expect_status={0})
    if report("merged", kind) != report("serial", kind):
        fail(f"merged shard {kind} reports differ from the whole run's")
print("corio-tidy-project runs: 4 passed, 0 failed")

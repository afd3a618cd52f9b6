#!/usr/bin/env python3
"""corio-tidy's baseline: an empty baseline changes nothing; recorded
findings stay suppressed after lines move and are re-indented; a new finding,
and one more copy of a recorded line, are reported."""
import json
import re

from ci_support import TIDY_ARGS, fail, parse_args, read_json, run, scratch_project

args = parse_args()
project = scratch_project(args.scratch)
FILES = ["golden.cpp", "second.cpp"]
WARNING = re.compile(r"^(?P<file>[^ ]+):(?P<line>\d+):\d+: warning: .*\[(?P<check>[^\]]+)\]$",
                     re.MULTILINE)


def corio_tidy(*flags, expect_status):
    return run([args.corio_tidy, "-p", ".", *TIDY_ARGS, *flags, *FILES], cwd=project,
               expect_status=expect_status)


def reported(output):
    return sorted((m["file"].removeprefix("./"), int(m["line"]), m["check"])
                  for m in WARNING.finditer(output))


def lines_with(path, marker):
    return [number for number, line in enumerate((project / path).read_text().splitlines(), 1)
            if marker in line]


# 1. Without a recorded finding the filter must pass clang-tidy's output through.
plain = corio_tidy(expect_status={0})
(project / "empty.json").write_text(json.dumps({"version": 1, "findings": []}))
unfiltered = corio_tidy("--baseline=empty.json", expect_status={0})
if unfiltered.stdout != plain.stdout:
    fail(f"an empty baseline changed the output:\n{plain.stdout}\n---\n{unfiltered.stdout}")
if len(reported(plain.stdout)) != 5:
    fail(f"expected 5 findings in the inputs, got {reported(plain.stdout)}")

# 2. Record, then move every finding down and re-indent one.
corio_tidy("--write-baseline=baseline.json", expect_status={0})
if sum(e["count"] for e in read_json(project / "baseline.json")["findings"]) != 5:
    fail(f"baseline.json should record 5 findings:\n{(project / 'baseline.json').read_text()}")
for path in ["golden.cpp", "sleepy.hpp", "second.cpp"]:
    text = (project / path).read_text()
    (project / path).write_text("// moved\n// down\n// three lines\n" + text.replace(
        "  std::this_thread::sleep_until", "      std::this_thread::sleep_until"))
shifted = corio_tidy("--baseline=baseline.json", "--fail-on-findings",
                     "--export-sarif=shifted.sarif", expect_status={0})
if reported(shifted.stdout):
    fail(f"baselined findings were reported after a line shift:\n{shifted.stdout}")
run_log = read_json(project / "shifted.sarif")["runs"][0]
if run_log["results"] or len(run_log["properties"]["baselineSuppressed"]) != 5:
    fail(f"shifted.sarif should have no results and 5 suppressed: {run_log}")

# 3. A new finding, and a second copy of a recorded line in the same function.
golden = (project / "golden.cpp").read_text()
recorded = "  /* ½ */ std::this_thread::sleep_for(std::chrono::milliseconds(1));\n"
golden = golden.replace(recorded, recorded + recorded)
golden += "\ntask yawn() {\n  std::this_thread::sleep_for(std::chrono::seconds(1)); // new\n  co_return;\n}\n"
(project / "golden.cpp").write_text(golden)
grown = corio_tidy("--baseline=baseline.json", "--fail-on-findings", expect_status={1})
# The baseline holds one such line: the first copy uses it up.
second_copy = lines_with("golden.cpp", "/* ½ */")[1]
expected = sorted([("golden.cpp", second_copy, "async-blocking-call"),
                   ("golden.cpp", lines_with("golden.cpp", "// new")[0], "async-blocking-call")])
if reported(grown.stdout) != expected:
    fail(f"expected exactly {expected} reported, got {reported(grown.stdout)}:\n{grown.stdout}")
print("baseline round trip: 3 passed, 0 failed")

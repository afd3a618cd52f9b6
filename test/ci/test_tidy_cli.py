#!/usr/bin/env python3
"""corio-tidy's own command line: --version names corio's version and the
commit it was built from next to LLVM's, --help lists corio's flags next
to clang-tidy's, --explain CHECK prints the check's summary and options
from its docs/checks page."""
import re
import subprocess
from pathlib import Path

from ci_support import CORIO_SOURCE, fail, parse_args, run

args = parse_args()
passed = 0

version = run([args.corio_tidy, "--version"], cwd=args.scratch, expect_status={0}).stdout
project_version = re.search(r"project\(corio VERSION (\S+)",
                            (CORIO_SOURCE / "CMakeLists.txt").read_text())[1]
stamp = re.search(rf"corio-tidy {re.escape(project_version)} \(commit ([0-9a-f]+)(-dirty)?\)",
                  version)
if "LLVM version 22" not in version or not stamp:
    fail(f"--version does not name LLVM 22 and corio {project_version} with a commit:\n{version}")
known = subprocess.run(["git", "-C", str(CORIO_SOURCE), "cat-file", "-e", f"{stamp[1]}^{{commit}}"],
                       capture_output=True)
if known.returncode != 0:
    fail(f"--version names commit {stamp[1]}, which is not a commit of {CORIO_SOURCE}")
passed += 1

help_text = run([args.corio_tidy, "--help"], cwd=args.scratch, expect_status={0}).stdout
for flag in ["--export-sarif=FILE", "--export-gitlab=FILE", "--baseline=FILE",
             "--write-baseline=FILE", "--fail-on-findings", "--explain=CHECK", "--checks="]:
    if flag not in help_text:
        fail(f"--help does not list {flag}")
passed += 1

page = (CORIO_SOURCE / "docs" / "checks" / "async-blocking-call.md").read_text()
options = page.split("\n## Options\n", 1)[1].split("\n## ", 1)[0]
option_names = re.findall(r"^\| `(\w+)` \|", options, re.MULTILINE)
for spelling in (["--explain", "async-blocking-call"], ["--explain=async-blocking-call"]):
    explained = run([args.corio_tidy, *spelling], cwd=args.scratch, expect_status={0}).stdout
    first_sentence = " ".join(page.split("\n\n")[1].split()).split(". ")[0]
    missing = [o for o in option_names if o not in explained]
    link = explained.rsplit("Documentation: ", 1)[-1].strip()
    if first_sentence not in explained or not option_names or missing or \
            not link.endswith("async-blocking-call.md") or \
            not (link.startswith("https://") or Path(link).is_file()):
        fail(f"{' '.join(spelling)} lacks the summary, options {missing} or link:\n{explained}")
passed += 1

unknown = run([args.corio_tidy, "--explain=async-no-such-check"], cwd=args.scratch,
              expect_status={1})
if "no documentation page for 'async-no-such-check'" not in unknown.stderr:
    fail(f"--explain of an unknown check says:\n{unknown.stderr}")
passed += 1
print(f"corio-tidy command line: {passed} passed, 0 failed")

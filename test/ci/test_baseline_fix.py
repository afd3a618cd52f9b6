#!/usr/bin/env python3
"""corio-tidy --baseline with --fix: the fixes of the findings the baseline
suppresses are left out, the others are applied as clang-tidy applies them;
without --baseline, --fix is clang-tidy's own."""
from ci_support import TIDY_ARGS, fail, parse_args, run, scratch_project

args = parse_args()
RECORDED = "int *no_pointer() { return 0; }"
NEW = "int *fresh_pointer() { return 0; }"


def corio_tidy(project, *flags, outside, status=0):
    """Run in the project, or from its parent (the compile commands' directory
    is then not the current one)."""
    cwd, prefix = (project.parent, "project/") if outside else (project, "")
    return run([args.corio_tidy, "-p", prefix or ".", *TIDY_ARGS, *flags, prefix + "golden.cpp"],
               cwd=cwd, expect_status={status})


def golden_after(*flags, baseline, outside=False, added=NEW, status=0):
    """golden.cpp plus added, fixed with flags, after recording a baseline of
    golden.cpp alone (when baseline is set)."""
    project = scratch_project(args.scratch / str(len(list(args.scratch.iterdir()))))
    if baseline:
        corio_tidy(project, "--write-baseline=baseline.json", outside=outside)
        flags += ("--baseline=baseline.json",)
    (project / "golden.cpp").write_text((project / "golden.cpp").read_text() + added + "\n")
    result = corio_tidy(project, *flags, outside=outside, status=status)
    return (project / "golden.cpp").read_text(), result


# 1. The recorded nullptr finding keeps its 0; the new one is fixed.
fixed, result = golden_after("--fix", baseline=True)
if RECORDED not in fixed or "int *fresh_pointer() { return nullptr; }" not in fixed:
    fail(f"--baseline --fix should fix only the new finding:\n{fixed}")
if "clang-tidy applied 1 of 1 suggested fixes." not in result.stderr:
    fail(f"--baseline --fix should say what it applied:\n{result.stderr}")

# ... also when the compile commands' directory is not the current one.
fixed, _ = golden_after("--fix", baseline=True, outside=True)
if RECORDED not in fixed or "int *fresh_pointer() { return nullptr; }" not in fixed:
    fail(f"--baseline --fix run from outside the project fixed the wrong findings:\n{fixed}")

# ... and with the flag spelled as LLVM's command line allows.
fixed, _ = golden_after("--fix=TRUE", baseline=True)
if RECORDED not in fixed or "int *fresh_pointer() { return nullptr; }" not in fixed:
    fail(f"--baseline --fix=TRUE fixed the wrong findings:\n{fixed}")

# 2. --fix-notes (which implies --fix) is taken off clang-tidy's command line
# too: the new finding is fixed, the recorded ones keep their text.
fixed, _ = golden_after("--fix-notes", baseline=True)
if "if (a = b)" not in fixed or "return nullptr; }" not in fixed or RECORDED not in fixed:
    fail(f"--baseline --fix-notes changed a baselined finding or missed the new one:\n{fixed}")

# 3. Code that does not compile is fixed only with --fix-errors, as clang-tidy
# decides; its exit status is clang-tidy's too.
BROKEN = NEW + "\nint broken = ;"
fixed, result = golden_after("--fix", baseline=True, added=BROKEN, status=1)
if "return nullptr" in fixed or "-fix-errors was not specified" not in result.stderr:
    fail(f"--baseline --fix fixed code with compiler errors:\n{result.stderr}\n{fixed}")
fixed, result = golden_after("--fix-errors", baseline=True, added=BROKEN, status=0)
if RECORDED not in fixed or "int *fresh_pointer() { return nullptr; }" not in fixed:
    fail(f"--baseline --fix-errors should fix the new finding only:\n{result.stderr}\n{fixed}")

# 4. Without a baseline, clang-tidy's --fix fixes both.
fixed, _ = golden_after("--fix", baseline=False)
if fixed.count("return nullptr; }") != 2:
    fail(f"--fix without a baseline should fix both findings:\n{fixed}")
print("baseline fixes: 7 passed, 0 failed")

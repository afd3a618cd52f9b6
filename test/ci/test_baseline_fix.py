#!/usr/bin/env python3
"""corio-tidy --baseline with --fix: the fixes of the findings the baseline
suppresses are left out, the others are applied as clang-tidy applies them;
without --baseline, --fix is clang-tidy's own."""
from ci_support import TIDY_ARGS, fail, parse_args, run, scratch_project

args = parse_args()
RECORDED = "int *no_pointer() { return 0; }"
NEW = "int *fresh_pointer() { return 0; }"


def corio_tidy(project, *flags, outside):
    """Run in the project, or from its parent (the compile commands' directory
    is then not the current one)."""
    cwd, prefix = (project.parent, "project/") if outside else (project, "")
    return run([args.corio_tidy, "-p", prefix or ".", *TIDY_ARGS, *flags, prefix + "golden.cpp"],
               cwd=cwd, expect_status={0})


def golden_after(*flags, baseline, outside=False):
    """golden.cpp plus NEW, fixed with flags, after recording a baseline of
    golden.cpp alone (when baseline is set)."""
    name = "-".join(f.strip("-") for f in flags) + ("-baseline" if baseline else "") + \
        ("-outside" if outside else "")
    project = scratch_project(args.scratch / name)
    if baseline:
        corio_tidy(project, "--write-baseline=baseline.json", outside=outside)
        flags += ("--baseline=baseline.json",)
    (project / "golden.cpp").write_text((project / "golden.cpp").read_text() + NEW + "\n")
    result = corio_tidy(project, *flags, outside=outside)
    return (project / "golden.cpp").read_text(), result


# 1. The recorded nullptr finding keeps its 0; the new one is fixed.
fixed, result = golden_after("--fix", baseline=True)
if RECORDED not in fixed or "int *fresh_pointer() { return nullptr; }" not in fixed:
    fail(f"--baseline --fix should fix only the new finding:\n{fixed}")
if "applied 1 of 1 suggested fix; left out the fixes of 1 baselined finding" not in result.stderr:
    fail(f"--baseline --fix should say what it applied:\n{result.stderr}")

# ... also when the compile commands' directory is not the current one.
fixed, _ = golden_after("--fix", baseline=True, outside=True)
if RECORDED not in fixed or "int *fresh_pointer() { return nullptr; }" not in fixed:
    fail(f"--baseline --fix run from outside the project fixed the wrong findings:\n{fixed}")

# 2. --fix-notes (which implies --fix) is taken off clang-tidy's command line
# too: the new finding is fixed, the recorded ones keep their text.
fixed, _ = golden_after("--fix-notes", baseline=True)
if "if (a = b)" not in fixed or "return nullptr; }" not in fixed or RECORDED not in fixed:
    fail(f"--baseline --fix-notes changed a baselined finding or missed the new one:\n{fixed}")

# 3. Without a baseline, clang-tidy's --fix fixes both.
fixed, _ = golden_after("--fix", baseline=False)
if fixed.count("return nullptr; }") != 2:
    fail(f"--fix without a baseline should fix both findings:\n{fixed}")
print("baseline fixes: 4 passed, 0 failed")

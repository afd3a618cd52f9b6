#!/usr/bin/env python3
"""What corio-tidy-project shows: findings with the same source excerpt,
caret and fix-it line as corio-tidy prints, in clang's colours with
--use-color (and none without it off a terminal); progress with the
findings so far and an ETA, as plain lines with project-relative paths off a
terminal and as a redrawn bar on one."""
import os
import pty
import re
import subprocess

from ci_support import TIDY_ARGS, fail, parse_args, run, scratch_project

args = parse_args()
project = scratch_project(args.scratch)
passed = 0
tool = [args.project_tool, "--corio-tidy", args.corio_tidy, "-p", "."]


def block(output, header):
    """The lines of the diagnostic whose first line ends with header, up to
    the next diagnostic."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith(header))
    end = next((i for i in range(start + 1, len(lines))
                if re.match(r"^\S+:\d+:\d+: ", lines[i])), len(lines))
    # clang sometimes pads its caret line with blanks; they do not show.
    return [line.rstrip() for line in lines[start + 1:end]]


plain = run([*tool, "--", *TIDY_ARGS], cwd=project, expect_status={1})
direct = run([args.corio_tidy, "-p", ".", "--quiet", *TIDY_ARGS, "golden.cpp"], cwd=project,
             expect_status={0})
for header in ["warning: use nullptr [modernize-use-nullptr]",
               "note: place parentheses around the assignment to silence this warning"]:
    ours, theirs = block(plain.stdout, header), block(direct.stdout, header)
    if not ours or ours != theirs:
        fail(f"the excerpt under {header!r} differs from corio-tidy's:\n"
             + "\n".join(ours) + "\n---\n" + "\n".join(theirs))
passed += 1

if "\x1b[" in plain.stdout + plain.stderr:
    fail("colour codes in output that is not a terminal, without --use-color")
coloured = run([*tool, "--use-color", "--", *TIDY_ARGS], cwd=project, expect_status={1})
if "\x1b[1;35mwarning:\x1b[0m" not in coloured.stdout or \
        "\x1b[1m" + "golden.cpp:11:28:" not in coloured.stdout:
    fail(f"--use-color does not colour as clang does:\n{coloured.stdout!r}")
off = run([*tool, "--use-color=false", "--", *TIDY_ARGS], cwd=project, expect_status={1})
if "\x1b[" in off.stdout:
    fail("--use-color=false still colours")
passed += 1

lines = re.findall(r"^\[(\d)/3\] (\S+): \d+ findings? \(.*\); (\d+) findings? so far, ETA \S+$",
                   plain.stderr, re.MULTILINE)
if sorted(f for _, f, _ in lines) != ["golden.cpp", "second.cpp", "third.cpp"] or \
        [n for n, _, _ in lines] != ["1", "2", "3"] or lines[-1][2] != "6":
    fail(f"progress lines lack relative paths, counts so far or the ETA:\n{plain.stderr}")
passed += 1

# On a terminal: stderr is a pty, stdout a pipe.
controller, terminal = pty.openpty()
proc = subprocess.Popen([str(c) for c in tool + ["--", *TIDY_ARGS]], cwd=project,
                        stdout=subprocess.PIPE, stderr=terminal)
os.close(terminal)
drawn = b""
while True:
    try:
        chunk = os.read(controller, 4096)
    except OSError:  # the pty closes when the tool exits
        break
    if not chunk:
        break
    drawn += chunk
proc.communicate()
os.close(controller)
bars = re.findall(rb"\r\x1b\[K\[[#.]{30}\] (\d)/3 \S+, ETA \S+, (\d+) findings? ", drawn)
if not bars or bars[-1] != (b"3", b"6"):
    fail(f"no progress bar with an ETA and the findings so far on a terminal:\n{drawn!r}")
passed += 1
print(f"corio-tidy-project output: {passed} passed, 0 failed")

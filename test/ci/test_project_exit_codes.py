#!/usr/bin/env python3
"""corio-tidy-project's exit status means one thing each (docs/ci.md): 0
clean or a baseline written, 1 findings, 2 something could not be analysed
(and the output says what), 3 a usage error. No case prints a Python
traceback."""
import json
import os

from ci_support import TIDY_ARGS, fail, parse_args, run, scratch_project

args = parse_args()
project = scratch_project(args.scratch)
database = json.loads((project / "compile_commands.json").read_text())
passed = 0


def project_tool(*flags, status, says=None, database_entries=None, tidy=None):
    """Runs corio-tidy-project in the project; checks the status, that the
    output names the reason, and that no traceback reaches the user."""
    global passed
    if database_entries is not None:
        (project / "compile_commands.json").write_text(json.dumps(database_entries))
    command = [args.project_tool, "--corio-tidy", tidy or args.corio_tidy, *flags]
    if "--" not in flags:
        command += ["--", *TIDY_ARGS]
    proc = run(command, cwd=project, expect_status={status})
    output = proc.stdout + proc.stderr
    (project / "compile_commands.json").write_text(json.dumps(database))
    if "Traceback" in output:
        fail(f"{flags}: a traceback reached the user:\n{output}")
    if says and says not in output:
        fail(f"{flags}: exited {status} as expected, but without saying {says!r}:\n{output}")
    passed += 1


entry = {name: next(e for e in database if e["file"] == name) for name in ("golden.cpp", "third.cpp")}

# 0: nothing found; a baseline written even though there are findings.
project_tool("-p", ".", "third", status=0)
project_tool("-p", ".", "--write-baseline=baseline.json", status=0)
if not json.loads((project / "baseline.json").read_text())["findings"]:
    fail("--write-baseline exited 0 but recorded nothing")
# 1: findings remain.
project_tool("-p", ".", status=1, says="total")

# 2: the run could not analyse something.
project_tool("-p", "no-such-build", status=2, says="no compilation database at")
(project / "dir-db").mkdir()
(project / "dir-db" / "compile_commands.json").mkdir()
project_tool("-p", "dir-db", status=2, says="cannot read the compilation database")
(project / "bad.json").write_text("{ not json")
project_tool("-p", "bad.json", status=2, says="is not a compilation database")
(project / "broken.cpp").write_text("int broken( {\n")
project_tool("-p", ".", "broken", status=2, says="broken.cpp: it does not compile",
             database_entries=database + [dict(entry["third.cpp"], file="broken.cpp",
                                               arguments=["clang++", "-c", "broken.cpp"])])
project_tool("-p", ".", "generated", status=2, says="generated.cpp: the file does not exist",
             database_entries=database + [dict(entry["third.cpp"], file="generated.cpp",
                                               arguments=["clang++", "-c", "generated.cpp"])])
project_tool("-p", ".", "golden", status=2, says="-fconcepts-diagnostics-depth=3",
             database_entries=[dict(entry["golden.cpp"], arguments=entry["golden.cpp"]["arguments"]
                                    + ["-fconcepts-diagnostics-depth=3"])])
crashing = project / "crashing-tidy"
crashing.write_text("#!/bin/sh\nkill -SEGV $$\n")
os.chmod(crashing, 0o755)
project_tool("-p", ".", "third", status=2, says="killed by SIGSEGV", tidy=crashing)
silent = project / "silent-tidy"
silent.write_text("#!/bin/sh\nexit 7\n")
os.chmod(silent, 0o755)
project_tool("-p", ".", "third", status=2, says="exited 7 without writing a report", tidy=silent)
project_tool("--merge-sarif", "out.sarif", "no-such.sarif", status=2, says="cannot read no-such.sarif")
project_tool("--merge-baseline", "out.json", "bad.json", status=2, says="bad.json is not JSON")

# 3: usage errors.
project_tool("-p", ".", "--no-such-flag", status=3, says="unrecognized arguments")
project_tool("-p", ".", "-j", "0", status=3, says="expected a number of processes >= 1")
project_tool("-p", ".", "--shard", "5/4", status=3, says="expected K/N")
project_tool("-p", ".", "matches-no-file", status=3, says="no file of the compilation database")
project_tool("-p", ".", "(unclosed", status=3, says="FILE_REGEX '(unclosed'")
project_tool("-p", ".", "--baseline=missing.json", status=3, says="no such file")
project_tool("-p", ".", "--corio-tidy=/nonexistent", status=3, says="not an executable file")
print(f"corio-tidy-project exit codes: {passed} passed, 0 failed")

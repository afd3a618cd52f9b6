#!/usr/bin/env python3
"""The whole-project run over examples/ with every async-* check, as
docs/ci.md runs it: it ends with the summary, and its SARIF and GitLab
reports are valid whatever the checks find (so no golden file here)."""
import re

from ci_support import (CORIO_SOURCE, absolute, check_github_requirements, fail, parse_args,
                        read_json, run, validate)

args = parse_args(("--build-dir", {"required": True, "type": absolute,
                                   "help": "build tree whose compile_commands.json has examples/"}))
sarif, gitlab = args.scratch / "examples.sarif", args.scratch / "examples.gitlab.json"
proc = run([args.project_tool, "--corio-tidy", args.corio_tidy, "-p", args.build_dir, "-j", "2",
            f"--export-sarif={sarif}", f"--export-gitlab={gitlab}", "/examples/",
            "--", "--checks=-*,async-*"], cwd=CORIO_SOURCE, expect_status={0, 1})

if not re.search(r"corio-tidy-project: \d+ translation units in .*\n(?:  .*\n)*  total\s+\d+ finding",
                 proc.stdout):
    fail(f"no summary at the end of the run:\n{proc.stdout}")
validate(read_json(sarif), "sarif-2.1.0-rtm.5.json")
check_github_requirements(read_json(sarif))
validate(read_json(gitlab), "gitlab-code-quality.json")
results = read_json(sarif)["runs"][0]["results"]
if not any(r["ruleId"] == "async-blocking-call" and
           r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
           "examples/chat/chat_server.cpp" for r in results):
    fail("the example's sleep_for in a coroutine is not in the SARIF report")
print(f"examples/ reports ({len(results)} findings): 1 passed, 0 failed")

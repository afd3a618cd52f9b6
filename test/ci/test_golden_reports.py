#!/usr/bin/env python3
"""corio-tidy's SARIF and GitLab Code Quality reports for inputs/golden.cpp
are schema-valid and match golden/ (regenerate: add --update)."""
from ci_support import (TIDY_ARGS, check_github_requirements, compare_with_golden,
                        normalize_gitlab, normalize_sarif, parse_args, read_json, run,
                        scratch_project, validate)

args = parse_args(("--update", {"action": "store_true", "help": "rewrite the golden files"}))
project = scratch_project(args.scratch)
run([args.corio_tidy, "-p", ".", *TIDY_ARGS, "--export-sarif=golden.sarif",
     "--export-gitlab=golden.gitlab.json", "golden.cpp"], cwd=project, expect_status={0})

sarif = read_json(project / "golden.sarif")
gitlab = read_json(project / "golden.gitlab.json")
validate(sarif, "sarif-2.1.0-rtm.5.json")
check_github_requirements(sarif)
validate(gitlab, "gitlab-code-quality.json")
compare_with_golden("golden.sarif", normalize_sarif(sarif, project), args.update)
compare_with_golden("golden.gitlab.json", normalize_gitlab(gitlab), args.update)
print("golden SARIF and GitLab reports: 1 passed, 0 failed")

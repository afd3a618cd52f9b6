#!/usr/bin/env python3
"""corio's SARIF meets GitHub code scanning's requirements (ci_support.
check_github_requirements) for findings and for what is not a finding: a
compiler flag clang does not know, a database entry whose file does not
exist and a .clang-tidy problem are tool execution notifications, never
results without a location. Merging shards whose first one is empty keeps
the run's $schema, columnKind and originalUriBaseIds."""
import json

from ci_support import (CORIO_SOURCE, TIDY_ARGS, check_github_requirements, fail, parse_args,
                        read_json, run, scratch_project, validate)

args = parse_args()
project = scratch_project(args.scratch)
passed = 0


def sarif_of(*command, status):
    run([*command, "--export-sarif=out.sarif"], cwd=project, expect_status=status)
    log = read_json(project / "out.sarif")
    validate(log, "sarif-2.1.0-rtm.5.json")
    check_github_requirements(log)
    return log


def notifications(log):
    return [n for i in log["runs"][0]["invocations"] for n in i["toolExecutionNotifications"]]


# Findings: every rule and result as GitHub wants them.
log = sarif_of(args.corio_tidy, "-p", ".", *TIDY_ARGS, "golden.cpp", status={0})
rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
if set(rules) != {"async-blocking-call", "modernize-use-nullptr", "clang-diagnostic-parentheses"}:
    fail(f"unexpected rules {sorted(rules)}")
if rules["modernize-use-nullptr"]["helpUri"] != \
        "https://clang.llvm.org/extra/clang-tidy/checks/modernize/use-nullptr.html":
    fail(f"upstream check's helpUri: {rules['modernize-use-nullptr']['helpUri']}")
# corio's pages are linked only from a build given their published copy;
# the page itself is the rule's help either way.
async_rule = rules["async-blocking-call"]
page = (CORIO_SOURCE / "docs" / "checks" / "async-blocking-call.md").read_text(encoding="utf-8")
help_uri = async_rule.get("helpUri")
if (help_uri is not None and not (help_uri.startswith("https://") and
                                  help_uri.endswith("/async-blocking-call.md"))) or \
        async_rule["help"]["markdown"] != page:
    fail(f"async check's helpUri or help: {async_rule.get('helpUri')}")
if rules["clang-diagnostic-parentheses"]["helpUri"] != \
        "https://clang.llvm.org/docs/DiagnosticsReference.html#wparentheses":
    fail(f"compiler warning's helpUri: {rules['clang-diagnostic-parentheses']['helpUri']}")
if notifications(log) or not log["runs"][0]["invocations"][0]["executionSuccessful"]:
    fail(f"a clean run has notifications: {notifications(log)}")
passed += 1

# What is not a finding about the code.
database = read_json(project / "compile_commands.json")
golden = next(e for e in database if e["file"] == "golden.cpp")
CONFIG_CHECKS = ["--checks=-*,readability-braces-around-statements"]
cases = {
    "an unknown compiler flag": (
        [dict(golden, arguments=golden["arguments"] + ["-fconcepts-diagnostics-depth=3"])],
        TIDY_ARGS, "golden.cpp", "-fconcepts-diagnostics-depth=3", None),
    "a source file that does not exist": (
        [dict(golden, file="generated.cpp",
              arguments=[a.replace("golden.cpp", "generated.cpp") for a in golden["arguments"]])],
        TIDY_ARGS, "generated.cpp", "generated.cpp", None),
    "an invalid check option in .clang-tidy": (
        database, CONFIG_CHECKS, "golden.cpp", "ShortStatementLines",
        "CheckOptions:\n  readability-braces-around-statements.ShortStatementLines: many\n"),
}
for name, (entries, tidy_args, source, needle, config) in cases.items():
    (project / "compile_commands.json").write_text(json.dumps(entries))
    if config:
        (project / ".clang-tidy").write_text(config)
    log = sarif_of(args.corio_tidy, "-p", ".", *tidy_args, source, status={0, 1})
    (project / ".clang-tidy").unlink(missing_ok=True)
    said = [n for n in notifications(log) if needle in n["message"]["text"]]
    results = [r for r in log["runs"][0]["results"] if needle in r["message"]["text"]]
    if not said or results:
        fail(f"{name}: expected a notification naming {needle}, got notifications "
             f"{notifications(log)} and results {results}")
    passed += 1
(project / "compile_commands.json").write_text(json.dumps(database))

# Three files in four shards: the fourth is empty, and first in the merge: the merged log keeps the run's own properties.
run([args.project_tool, "--corio-tidy", args.corio_tidy, "-p", ".", "--shard", "4/4",
     "--export-sarif=empty.sarif", "--", *TIDY_ARGS], cwd=project, expect_status={0})
whole = sarif_of(args.corio_tidy, "-p", ".", *TIDY_ARGS, "golden.cpp", status={0})
for name, inputs in [("merged.sarif", ["empty.sarif", "out.sarif"]), ("alone.sarif", ["out.sarif"])]:
    run([args.project_tool, "--merge-sarif", name, *inputs], cwd=project, expect_status={0})
merged = read_json(project / "merged.sarif")
check_github_requirements(merged)
validate(merged, "sarif-2.1.0-rtm.5.json")
for key in ("columnKind", "originalUriBaseIds"):
    if merged["runs"][0].get(key) != whole["runs"][0][key]:
        fail(f"the merge lost {key}: {merged['runs'][0].get(key)}")
if merged.get("$schema") != whole["$schema"] or merged != read_json(project / "alone.sarif"):
    fail("merging an empty shard first changed the log")
passed += 1
print(f"SARIF as GitHub takes it: {passed} passed, 0 failed")

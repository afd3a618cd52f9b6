"""Shared by the CI tests in this folder: the tools under test, a scratch
project made from inputs/, report normalisation and schema validation."""
import argparse
import atexit
import difflib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORIO_SOURCE = HERE.parent.parent
INPUTS = HERE / "inputs"
GOLDEN = HERE / "golden"
SCHEMAS = HERE / "schemas"

# Checks with stable upstream messages, fix-its and notes, next to the one
# async check that the inputs exercise.
TIDY_ARGS = ["--checks=-*,async-blocking-call,modernize-use-nullptr,clang-diagnostic-parentheses",
             "--header-filter=.*"]
INPUT_SOURCES = ["golden.cpp", "second.cpp", "third.cpp"]


def absolute(path):
    return Path(path).resolve()


def parse_args(*extra):
    """Tool paths from ctest (test/ci/CMakeLists.txt), plus test-specific
    flags given as (flag, argparse keyword arguments) pairs. args.scratch is
    a fresh directory outside the source tree, so that corio's own
    .clang-tidy (WarningsAsErrors) does not apply to the test's files."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--corio-tidy", required=True, type=absolute)
    parser.add_argument("--project-tool", required=True, type=absolute, help="corio-tidy-project")
    for flag, options in extra:
        parser.add_argument(flag, **options)
    args = parser.parse_args()
    args.scratch = Path(tempfile.mkdtemp(prefix="corio-ci-"))
    atexit.register(shutil.rmtree, args.scratch, ignore_errors=True)
    return args


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def run(command, cwd, expect_status=None):
    proc = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True)
    if expect_status is not None and proc.returncode not in expect_status:
        fail(f"{' '.join(map(str, command))} exited {proc.returncode}, expected one of "
             f"{sorted(expect_status)}\n--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}")
    return proc


def scratch_project(scratch):
    """A copy of inputs/ with its own compile_commands.json."""
    project = scratch / "project"
    shutil.copytree(INPUTS, project)
    (project / "compile_commands.json").write_text(json.dumps(
        [{"directory": str(project), "file": source,
          "arguments": ["clang++", "-std=c++20", "-Wall", "-c", source]}
         for source in INPUT_SOURCES], indent=2))
    return project


def read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def validate(instance, schema_file):
    """Fails with every violation of schemas/<schema_file>."""
    import jsonschema  # Debian: python3-jsonschema

    schema = read_json(SCHEMAS / schema_file)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if errors:
        fail(f"{len(errors)} violation(s) of {schema_file}:\n" + "\n".join(
            f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in errors))


def check_rule_descriptions(rule):
    """Rule texts of async-* checks come from docs/checks/<id>.md, which its
    check's authors edit; checks that they come from there, then replaces
    them so the golden files need not change with the page."""
    page = CORIO_SOURCE / "docs" / "checks" / f"{rule['id']}.md"
    if page.exists():
        markdown = page.read_text(encoding="utf-8")
        flat_page = " ".join(markdown.split())
        full = rule["fullDescription"]["text"]
        if rule["help"]["markdown"] != markdown or full not in flat_page or \
                not full.startswith(rule["shortDescription"]["text"]):
            fail(f"rule {rule['id']} does not describe itself from {page}")
    elif rule["shortDescription"]["text"] != f"corio check {rule['id']}":
        fail(f"rule {rule['id']} has no page but says {rule['shortDescription']}")
    # Linked only where the build was given a published copy
    # (CORIO_CHECK_DOCS_URL); the page's text is in help either way.
    help_uri = rule.pop("helpUri", None)
    if help_uri is not None and (not help_uri.startswith("https://") or
                                 not help_uri.endswith(f"/{rule['id']}.md")):
        fail(f"rule {rule['id']} links to {help_uri}, not its published page")
    for key in ("fullDescription", "help"):
        rule.pop(key, None)
    rule["shortDescription"] = {"text": "<from its docs/checks page>"}


def normalize_sarif(log, project):
    """The project's path and the docs URL become placeholders; what async-*
    checks say (their messages, notes and fix-its: their authors' to change)
    becomes a placeholder too. Locations, fingerprints and structure stay."""
    text = json.dumps(log)
    text = text.replace(f"file://{project}/", "file://<project>/")
    log = json.loads(text)
    run = log["runs"][0]
    run["tool"]["driver"]["version"] = "<version>"
    for rule in run["tool"]["driver"]["rules"]:
        if rule["id"].startswith("async-"):
            check_rule_descriptions(rule)
    for result in run["results"]:
        if result["ruleId"].startswith("async-"):
            result["message"]["text"] = f"<{result['ruleId']} message>"
            result.pop("relatedLocations", None)
            result.pop("fixes", None)
    return log


def normalize_gitlab(issues):
    for issue in issues:
        if issue["check_name"].startswith("async-"):
            issue["description"] = f"<{issue['check_name']} message>"
    return issues


def dump(value):
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def compare_with_golden(name, actual, update):
    """Compares with golden/<name>, or rewrites it when updating."""
    golden = GOLDEN / name
    if update:
        golden.write_text(dump(actual), encoding="utf-8")
        print(f"updated {golden}")
        return
    expected = golden.read_text(encoding="utf-8")
    if expected != dump(actual):
        diff = difflib.unified_diff(expected.splitlines(True), dump(actual).splitlines(True),
                                    f"golden/{name}", "actual")
        fail(f"{name} differs from the golden file (rerun with --update if intended):\n"
             + "".join(diff))


def check_github_requirements(log):
    """Fails unless the log meets what GitHub's "SARIF support for code
    scanning" page requires of an upload (docs.github.com, code-security,
    sarif-support-for-code-scanning), beyond the OASIS schema: version
    2.1.0; tool.driver.name; each result a ruleId, message.text and one to
    ten locations, each with physicalLocation.artifactLocation.uri and
    region.startLine (the upload fails on a result without a location:
    "locationFromSarifResult: expected at least one location"); each rule
    an id and, to be shown, a shortDescription, a fullDescription and help;
    helpUri, where given, a URL a browser reading GitHub can open. corio
    adds: regions end (endLine, endColumn), descriptions do not end in a
    colon."""
    problems = []
    if log.get("version") != "2.1.0":
        problems.append("version is not 2.1.0")
    for r, run in enumerate(log.get("runs", [])):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            problems.append(f"run {r}: tool.driver.name missing")
        for rule in driver.get("rules", []):
            where = f"rule {rule.get('id')}"
            for key in ("shortDescription", "fullDescription", "help"):
                text = rule.get(key, {}).get("text", "")
                if not text:
                    problems.append(f"{where}: no {key}.text")
                elif text.rstrip().endswith(":"):
                    problems.append(f"{where}: {key} ends in a colon: {text[-60:]!r}")
            if "helpUri" in rule and not rule["helpUri"].startswith("https://"):
                problems.append(f"{where}: helpUri {rule['helpUri']!r} is not https")
        for i, result in enumerate(run.get("results", [])):
            where = f"run {r} result {i} ({result.get('ruleId')})"
            if not result.get("ruleId") or not result.get("message", {}).get("text"):
                problems.append(f"{where}: ruleId or message.text missing")
            locations = result.get("locations", [])
            if not 1 <= len(locations) <= 10:
                problems.append(f"{where}: {len(locations)} locations")
            for location in locations:
                physical = location.get("physicalLocation", {})
                region = physical.get("region", {})
                if not physical.get("artifactLocation", {}).get("uri"):
                    problems.append(f"{where}: a location without artifactLocation.uri")
                if not all(k in region for k in ("startLine", "endLine", "endColumn")):
                    problems.append(f"{where}: region {region} lacks startLine/endLine/endColumn")
    if problems:
        fail("not what GitHub code scanning accepts:\n  " + "\n  ".join(problems))

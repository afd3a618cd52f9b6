#!/usr/bin/env python3
"""The CI templates in ci-templates/ run: every step of the GitHub Actions
workflow and every script line of the GitLab CI file, the same commands in
the same order, in a copy of this source tree (the checkout). Shards run one
after another in one directory, which also stands for passing artifacts.
What only a CI service does is checked instead of done:

- apt-get (a stand-in on PATH): `update` does nothing, `install` requires
  every package named to be installed already (so the lists name real
  Debian 12 packages; nothing is downloaded);
- actions/checkout: the copy; upload-artifact: its path exists;
  download-artifact: nothing to do; codeql-action/upload-sarif: its file is
  valid SARIF that meets GitHub's requirements; GitLab's codequality report:
  valid Code Quality JSON. Any other action fails the test.

The analysis steps may exit 1 (findings fail a shard's job, as documented);
every other step must exit 0."""
import os
import shutil
import subprocess

import yaml  # Debian: python3-yaml

from ci_support import (CORIO_SOURCE, absolute, check_github_requirements, fail, parse_args,
                        read_json, validate)

TEMPLATES = CORIO_SOURCE / "ci-templates"
APT_GET = """#!/bin/sh
# apt-get for test_ci_templates.py: installs nothing, checks everything.
command=""
for arg in "$@"; do
  case "$arg" in
    -*) ;;
    *) if [ -z "$command" ]; then command=$arg; continue; fi
       [ "$command" = install ] || continue
       dpkg-query -W -f='${Status}' "$arg" 2>/dev/null | grep -q "install ok installed" || {
         echo "apt-get stand-in: $arg is not an installed Debian package" >&2; exit 100; } ;;
  esac
done
[ "$command" = update ] || [ "$command" = install ] || {
  echo "apt-get stand-in: unexpected command '$command'" >&2; exit 100; }
"""

args = parse_args(("--work-dir", {"required": True, "type": absolute,
                                  "help": "checkout directory, kept between runs"}))
checkout = args.work_dir
steps_run = 0


def copy_source_tree():
    """What a checkout of this tree holds (tracked and new, unignored
    files); the checkout's build/ is kept so a rerun builds incrementally."""
    for entry in checkout.iterdir() if checkout.exists() else []:
        if entry.name != "build":
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    listed = subprocess.run(["git", "-C", str(CORIO_SOURCE), "ls-files", "-z", "--cached",
                             "--others", "--exclude-standard"], capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = CORIO_SOURCE / name
        if source.is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, checkout / name)


def environment(extra):
    shim = args.scratch / "bin"
    shim.mkdir(exist_ok=True)
    (shim / "apt-get").write_text(APT_GET)
    (shim / "apt-get").chmod(0o755)
    env = dict(os.environ, PATH=f"{shim}:{os.environ['PATH']}", **extra)
    # Not in the templates: this shared machine's own limits (docs/ci.md).
    env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    if shutil.which("ccache"):
        env.setdefault("CMAKE_CXX_COMPILER_LAUNCHER", "ccache")
    return env


def shell(name, script, env, may_find=False):
    global steps_run
    print(f"--- {name}", flush=True)
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=checkout, env=environment(env), capture_output=True, text=True)
    allowed = {0, 1} if may_find else {0}
    if proc.returncode not in allowed:
        fail(f"{name} exited {proc.returncode}:\n{script}\n--- stdout\n{proc.stdout[-4000:]}"
             f"--- stderr\n{proc.stderr[-4000:]}")
    steps_run += 1
    return proc


def check_sarif(path):
    """The merged report: valid, as GitHub wants it, and with the findings
    examples/ has (so the shards did analyse)."""
    log = read_json(checkout / path)
    validate(log, "sarif-2.1.0-rtm.5.json")
    check_github_requirements(log)
    if not log["runs"][0]["results"]:
        fail(f"{path} has no results; examples/ has findings")


def github_step(job, step, matrix):
    if "run" in step:
        script = step["run"]
        for key, value in matrix.items():
            script = script.replace("${{ matrix.%s }}" % key, str(value))
        if "${{" in script:
            fail(f"{job}: an expression the test does not know: {script}")
        return shell(f"{job} {matrix}: {step.get('name', script.splitlines()[0])}", script, {},
                     may_find="corio-tidy-project -p" in script)
    action, given = step["uses"].split("@")[0], step.get("with", {})
    if action == "actions/checkout":
        return None
    if action == "actions/upload-artifact":
        path = given["path"]
        for key, value in matrix.items():
            path = path.replace("${{ matrix.%s }}" % key, str(value))
        if not (checkout / path).exists():
            fail(f"{job} {matrix}: upload-artifact finds no {path}")
        return None
    if action == "actions/download-artifact":
        return None
    if action == "github/codeql-action/upload-sarif":
        return check_sarif(given["sarif_file"])
    fail(f"{job}: the test does not know the action {action}")


def run_github(workflow):
    jobs = workflow["jobs"]
    for name in ["analyze", "upload"]:  # upload needs analyze
        job = jobs[name]
        matrices = [{key: value} for key, values in
                    job.get("strategy", {}).get("matrix", {}).items() for value in values] or [{}]
        for matrix in matrices:
            for step in job["steps"]:
                github_step(name, step, matrix)
    if sorted(jobs) != ["analyze", "upload"]:
        fail(f"the workflow's jobs changed: {sorted(jobs)}")


def run_gitlab(pipeline):
    jobs = {k: v for k, v in pipeline.items() if isinstance(v, dict) and "script" in v}
    for stage in pipeline["stages"]:
        for name, job in jobs.items():
            if job["stage"] != stage:
                continue
            total = job.get("parallel", 1)
            for index in range(1, total + 1):
                env = {"CI_NODE_INDEX": str(index), "CI_NODE_TOTAL": str(total)}
                for line in job["script"]:
                    shell(f"{name} {index}/{total}: {line.splitlines()[0][:60]}", line, env,
                          may_find="corio-tidy-project -p" in line)
            report = job.get("artifacts", {}).get("reports", {}).get("codequality")
            if report:
                validate(read_json(checkout / report), "gitlab-code-quality.json")
                if not read_json(checkout / report):
                    fail(f"{name}: the Code Quality report {report} is empty")
            for path in job.get("artifacts", {}).get("paths", []):
                if path.endswith(".sarif") and "*" not in path:
                    check_sarif(path)


def remove_reports():
    for pattern in ["corio*.sarif", "corio-*.gitlab.json", "gl-code-quality.json"]:
        for report in checkout.glob(pattern):
            report.unlink()


checkout.mkdir(parents=True, exist_ok=True)
copy_source_tree()
run_github(yaml.safe_load((TEMPLATES / "github" / "corio.yml").read_text()))
github_steps = steps_run
remove_reports()
run_gitlab(yaml.safe_load((TEMPLATES / "gitlab" / "gitlab-ci.yml").read_text()))
print(f"CI templates run locally: GitHub Actions ({github_steps} steps) and GitLab CI "
      f"({steps_run - github_steps} script lines): 2 passed, 0 failed")

#!/usr/bin/env python3
"""Drives corio-clangd as an editor would, over LSP on stdin/stdout.

For every source in the project directory: open it, wait for diagnostics,
and compare them with the file's `// LSP: <check>[ fix]` markers (a marker
says a diagnostic with that code starts on its line; "fix" says a quick fix
must be offered). Then ask for code actions at each diagnostic, apply each
quick fix's workspace edit to the text, and compile the edited text.

usage: check_lsp.py CLANGD CLANGXX PROJECT_DIR WORK_DIR [INCLUDE_DIR...]
(the include directories go into the project's compile_flags.txt)
"""
import os
import re
import shutil
import subprocess
import sys

from lsp_session import LspSession

MARKER = re.compile(r"//\s*LSP:\s*(?P<code>[a-z0-9-]+)(?P<fix>\s+fix)?")


def expected_diagnostics(text):
    expected = {}
    for number, line in enumerate(text.splitlines()):
        for m in MARKER.finditer(line):
            expected[(number, m.group("code"))] = bool(m.group("fix"))
    return expected


def apply_edits(text, edits):
    """Applies LSP TextEdits (non-overlapping) to text, last first."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(pos):
        return offsets[pos["line"]] + pos["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def main():
    clangd, clangxx, project, work = sys.argv[1:5]
    includes = [f"-I{d}" for d in sys.argv[5:]]
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(project, work)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("\n".join(["-std=c++20"] + includes) + "\n")
    session = LspSession([clangd, "--log=error", "--background-index=false"], work)
    failures = []
    try:
        session.request("initialize", {
            "processId": os.getpid(), "rootUri": f"file://{work}",
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
        session.notify("initialized", {})
        sources = sorted(f for f in os.listdir(work) if f.endswith(".cpp"))
        for name in sources:
            failures += check_file(session, clangxx, work, name, includes)
    finally:
        session.close()
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(sources) - len({f.split(':')[0] for f in failures})} passed, "
          f"{len({f.split(':')[0] for f in failures})} failed")
    sys.exit(1 if failures else 0)


def check_file(session, clangxx, work, name, includes):
    path = os.path.join(work, name)
    uri = f"file://{path}"
    with open(path) as f:
        text = f.read()
    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    published = session.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri, timeout=120)
    diagnostics = [d for d in published["params"]["diagnostics"]
                   if str(d.get("code", "")).startswith("async-")]
    failures = []
    got = {(d["range"]["start"]["line"], d["code"]) for d in diagnostics}
    expected = expected_diagnostics(text)
    for key in sorted(set(expected) - got):
        failures.append(f"{name}:{key[0] + 1}: expected {key[1]}, not reported")
    for key in sorted(got - set(expected)):
        failures.append(f"{name}:{key[0] + 1}: unexpected {key[1]}")

    fixed = text
    for diag in diagnostics:
        actions = session.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diag["range"],
            "context": {"diagnostics": [diag]}})
        quick_fixes = [a for a in actions or []
                       if a.get("kind") == "quickfix" and "edit" in a]
        line = diag["range"]["start"]["line"]
        if expected.get((line, diag["code"])) and not quick_fixes:
            failures.append(f"{name}:{line + 1}: no quick fix for {diag['code']}")
        for action in quick_fixes[:1]:
            edits = action["edit"].get("changes", {}).get(uri, [])
            fixed = apply_edits(fixed, edits)
    if fixed != text:
        fixed_path = path + ".fixed.cpp"
        with open(fixed_path, "w") as f:
            f.write(fixed)
        compiled = subprocess.run([clangxx, "-fsyntax-only", "-std=c++20", *includes,
                                   fixed_path], capture_output=True, text=True)
        if compiled.returncode != 0:
            failures.append(f"{name}: text after quick fixes does not compile:\n"
                            + compiled.stderr)
    session.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    return failures


if __name__ == "__main__":
    main()

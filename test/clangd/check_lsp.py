#!/usr/bin/env python3
"""Drives corio-clangd as an editor would, over LSP on stdin/stdout.

1. For every source in the project directory: open it, wait for diagnostics,
   and compare them with the file's `// LSP: <check>[ fix]` markers (a marker
   says a diagnostic with that code starts on its line; "fix" says a quick fix
   must be offered). Then ask for code actions at each diagnostic, apply each
   quick fix's workspace edit to the text, and compile the edited text.
2. With --examples: a copy of every source under that directory (the real
   examples, on the real Boost.Asio headers) with the compile commands of
   --compile-commands pointed at the copy and the documented .clangd. Each
   must show no error and exactly the async-* diagnostics that --corio-tidy
   reports on it; the text after the quick fixes must compile with the
   file's own compile command.
3. With --examples: a didChange storm. --storm-file (relative to the
   examples) is opened, then edited 50 times while its diagnostics are being
   computed (versions that do not parse, cut in half, with coroutine keywords
   in odd places); afterwards the server must be alive and the diagnostics of
   the last version must be those of its text.

A server that dies fails the file it was working on; the test restarts it
and goes on, so one run reports every file.

usage: check_lsp.py [--examples=DIR --compile-commands=FILE --corio-tidy=PATH]
                    CLANGD CLANGXX PROJECT_DIR WORK_DIR [INCLUDE_DIR...]
(the include directories go into the project's compile_flags.txt)
"""
import json
import os
import queue
import random
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.parse

from lsp_session import LspSession

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz"))
from mutate import mutate  # noqa: E402

MARKER = re.compile(r"//\s*LSP:\s*(?P<code>[a-z0-9-]+)(?P<fix>\s+fix)?")
TIDY_WARNING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):\d+: warning: .*\[(?P<code>async-[a-z-]+)\]$",
                          re.M)
# What docs/ide.md tells users to put in .clangd, and a .clang-tidy that
# keeps the repository's own (above the work directory) out of the copy.
CLANGD_CONFIG = """Diagnostics:
  ClangTidy:
    Add: [async-*]
    FastCheckFilter: Loose
"""
CLANG_TIDY_CONFIG = "Checks: '-*,async-*'\n"
STORM_EDITS = 50
ERROR = 1  # LSP DiagnosticSeverity


class ServerDied(Exception):
    pass


class Server:
    """An LspSession that is started again after the server dies."""

    def __init__(self, clangd, root, log_dir):
        self.clangd, self.root, self.log_dir = clangd, root, log_dir
        self.starts = 0
        self.session = None
        self.start()

    def start(self):
        self.starts += 1
        self.log_path = os.path.join(self.log_dir, f"clangd-{self.starts}.log")
        self.log = open(self.log_path, "w")
        self.session = LspSession([self.clangd, "--log=error", "--background-index=false"],
                                  self.root, stderr=self.log)
        self.session.request("initialize", {
            "processId": os.getpid(), "rootUri": f"file://{self.root}",
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
        self.session.notify("initialized", {})

    def died(self, what):
        """Describes how the server died (or hung) during `what`, and
        starts a new one."""
        proc = self.session.proc
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        self.log.close()
        with open(self.log_path) as f:
            tail = f.read()[-3000:]
        message = (f"server died (exit status {proc.returncode}) during {what}; "
                   f"stderr ({self.log_path}) ends:\n{tail}")
        self.start()
        return message

    def close(self):
        # A server still busy with an abandoned version may take a while to
        # exit; LspSession.close kills it then. That is not a failure.
        try:
            self.session.close()
        except (RuntimeError, queue.Empty, OSError, subprocess.TimeoutExpired):
            pass
        self.log.close()


def run_guarded(server, what, fn):
    """fn() returns failures; a dead or silent server is one more."""
    start = time.monotonic()
    try:
        return fn()
    except (RuntimeError, OSError) as e:
        return [f"{what}: {server.died(what)} ({e})"]
    except queue.Empty:
        return [f"{what}: no answer in time; {server.died(what)}"]
    finally:
        print(f"{what}: {time.monotonic() - start:.1f}s", flush=True)


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


def open_and_wait(session, uri, text, version=1, timeout=300):
    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": version, "text": text}})
    return wait_diagnostics(session, uri, version, timeout)


def wait_diagnostics(session, uri, version, timeout=300, seen=None):
    """The diagnostics clangd publishes for this version of the file (the
    versions published on the way go into seen)."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise queue.Empty()
        published = session.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri, timeout=left)
        if seen is not None:
            seen.add(published["params"].get("version"))
        if published["params"].get("version", version) == version:
            return published["params"]["diagnostics"]


def async_diagnostics(diagnostics):
    return [d for d in diagnostics if str(d.get("code", "")).startswith("async-")]


def quick_fixed_text(session, uri, text, diagnostics, name, must_fix):
    """Asks for the code actions of each diagnostic and applies the first
    quick fix of each to text (all edits at once: their ranges are in the
    original text). must_fix(diag) says a quick fix is required."""
    failures, edits = [], []
    for diag in diagnostics:
        actions = session.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diag["range"],
            "context": {"diagnostics": [diag]}})
        quick_fixes = [a for a in actions or []
                       if a.get("kind") == "quickfix" and "edit" in a]
        line = diag["range"]["start"]["line"]
        if must_fix(diag) and not quick_fixes:
            failures.append(f"{name}:{line + 1}: no quick fix for {diag['code']}")
        for action in quick_fixes[:1]:
            for edit in action["edit"].get("changes", {}).get(uri, []):
                if edit not in edits:
                    edits.append(edit)
    return apply_edits(text, edits), failures


def doc_link_failures(name, diagnostics):
    """Each async-* diagnostic links to its check's page, and the page is
    there: a file:// page exists, an https one is named after the check."""
    failures = []
    for d in diagnostics:
        href = d.get("codeDescription", {}).get("href", "")
        where = f"{name}:{d['range']['start']['line'] + 1}: {d['code']} links to {href!r}"
        parsed = urllib.parse.urlparse(href)
        if parsed.scheme == "file":
            page = urllib.parse.unquote(parsed.path)
            if os.path.basename(page) != f"{d['code']}.md" or not os.path.isfile(page):
                failures.append(f"{where}, not an existing page of the check")
        elif parsed.scheme != "https" or not href.endswith(f"/{d['code']}.md"):
            failures.append(f"{where}, not the check's page")
    return failures


def check_file(session, clangxx, work, name, includes):
    path = os.path.join(work, name)
    uri = f"file://{path}"
    with open(path) as f:
        text = f.read()
    diagnostics = async_diagnostics(open_and_wait(session, uri, text))
    failures = []
    got = {(d["range"]["start"]["line"], d["code"]) for d in diagnostics}
    expected = expected_diagnostics(text)
    for key in sorted(set(expected) - got):
        failures.append(f"{name}:{key[0] + 1}: expected {key[1]}, not reported")
    for key in sorted(got - set(expected)):
        failures.append(f"{name}:{key[0] + 1}: unexpected {key[1]}")
    failures += doc_link_failures(name, diagnostics)

    fixed, fix_failures = quick_fixed_text(
        session, uri, text, diagnostics, name,
        lambda d: expected.get((d["range"]["start"]["line"], d["code"])))
    failures += fix_failures
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


# --- the real examples -------------------------------------------------------

def copy_examples(examples, compile_commands, dest):
    """Copies the examples to dest with their compile commands rewritten to
    the copy, the documented .clangd and an isolating .clang-tidy. Returns
    {relative source path: compile command entry} and failures."""
    shutil.copytree(examples, dest)
    with open(compile_commands) as f:
        database = json.load(f)
    src = os.path.realpath(examples)
    entries, failures = {}, []
    for entry in database:
        file = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        if not file.startswith(src + os.sep):
            continue
        moved = {k: (v.replace(src, dest) if isinstance(v, str) else
                     [a.replace(src, dest) for a in v]) for k, v in entry.items()}
        entries[os.path.relpath(file, src)] = moved
    with open(os.path.join(dest, "compile_commands.json"), "w") as f:
        json.dump(list(entries.values()), f, indent=1)
    with open(os.path.join(dest, ".clangd"), "w") as f:
        f.write(CLANGD_CONFIG)
    with open(os.path.join(dest, ".clang-tidy"), "w") as f:
        f.write(CLANG_TIDY_CONFIG)
    for base, _, files in os.walk(dest):
        for name in files:
            rel = os.path.relpath(os.path.join(base, name), dest)
            if name.endswith((".cpp", ".cc", ".cxx")) and rel not in entries:
                failures.append(f"examples/{rel}: not in {compile_commands}")
    return entries, failures


def command_args(entry):
    return entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])


def syntax_only(entry, path):
    """entry's compile command, checking path instead and writing nothing."""
    args, out, skip = command_args(entry), [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif a in ("-c", "-MD", "-MMD") or a.startswith("-o"):
            continue
        elif os.path.realpath(os.path.join(entry["directory"], a)) == os.path.realpath(
                os.path.join(entry["directory"], entry["file"])):
            out.append(path)
        else:
            out.append(a)
    return out + ["-fsyntax-only"], entry["directory"]


def tidy_findings(corio_tidy, dest, path):
    """{(0-based line, check)} that corio-tidy reports in path itself."""
    proc = subprocess.run([corio_tidy, "-p", dest, "--checks=-*,async-*", "--quiet", path],
                          capture_output=True, text=True)
    return {(int(m.group("line")) - 1, m.group("code"))
            for m in TIDY_WARNING.finditer(proc.stdout)
            if os.path.realpath(m.group("file")) == os.path.realpath(path)}, proc


def check_example(session, corio_tidy, dest, rel, entry):
    name = f"examples/{rel}"
    path = os.path.join(dest, rel)
    uri = f"file://{path}"
    with open(path) as f:
        text = f.read()
    expected, proc = tidy_findings(corio_tidy, dest, path)
    failures = []
    if proc.returncode not in (0, 1):
        failures.append(f"{name}: corio-tidy exit status {proc.returncode}:\n{proc.stderr[-2000:]}")
    diagnostics = open_and_wait(session, uri, text)
    for d in diagnostics:
        if d.get("severity") == ERROR:
            failures.append(f"{name}:{d['range']['start']['line'] + 1}: error: {d['message']}")
    mine = async_diagnostics(diagnostics)
    got = {(d["range"]["start"]["line"], d["code"]) for d in mine}
    for key in sorted(expected - got):
        failures.append(f"{name}:{key[0] + 1}: corio-tidy reports {key[1]}, corio-clangd not")
    for key in sorted(got - expected):
        failures.append(f"{name}:{key[0] + 1}: corio-clangd reports {key[1]}, corio-tidy not")
    print(f"{name}: {len(mine)} async-* diagnostics, corio-tidy {len(expected)}", flush=True)

    fixed, fix_failures = quick_fixed_text(session, uri, text, mine, name, lambda d: False)
    failures += fix_failures
    if fixed != text:
        fixed_path = path + ".fixed.cpp"
        with open(fixed_path, "w") as f:
            f.write(fixed)
        args, directory = syntax_only(entry, fixed_path)
        compiled = subprocess.run(args, cwd=directory, capture_output=True, text=True)
        if compiled.returncode != 0:
            failures.append(f"{name}: text after quick fixes does not compile:\n"
                            + compiled.stderr[-4000:])
    session.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    return failures, expected


def split_preamble(text):
    """(the text up to and including the last #include line, the rest)."""
    includes = [m.end() for m in re.finditer(r"^#include[^\n]*\n", text, re.M)]
    cut = includes[-1] if includes else 0
    return text[:cut], text[cut:]


def storm(session, corio_tidy, dest, rel):
    """Opens rel and edits it STORM_EDITS times while clangd is computing
    its diagnostics; the last version is the file with lines added after
    its includes, so its diagnostics are corio-tidy's, moved down."""
    name = f"examples/{rel} (didChange storm)"
    path = os.path.join(dest, rel)
    uri = f"file://{path}"
    with open(path) as f:
        text = f.read()
    expected, _ = tidy_findings(corio_tidy, dest, path)
    head, body = split_preamble(text)
    head_lines = head.count("\n")
    rng = random.Random(20261201)
    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    started = time.monotonic()
    last = text
    for version in range(2, STORM_EDITS + 2):
        if version == STORM_EDITS + 1:
            added = version
            last = head + "".join(f"// edit {i}\n" for i in range(added)) + body
        else:
            kind = version % 4
            if kind == 0:
                mutated, _ = mutate(body, rng, rng.randint(1, 3))
            elif kind == 1:
                mutated = body[:rng.randrange(len(body) + 1)]
            elif kind == 2:
                mutated = "\n" * version + body
            else:
                mutated = body.replace("co_await", "co_yield", 1) + "\nint broken( {\n"
            last = head + mutated
        session.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": last}]})
        time.sleep(rng.uniform(0.0, 0.15))
    sent = time.monotonic() - started
    seen = set()
    diagnostics = wait_diagnostics(session, uri, STORM_EDITS + 1, seen=seen)
    failures = []
    if session.proc.poll() is not None:
        raise RuntimeError("server exited")
    symbols = session.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    if not symbols:
        failures.append(f"{name}: no document symbols after the storm")
    moved = {(line + added if line >= head_lines else line, code) for line, code in expected}
    got = {(d["range"]["start"]["line"], d["code"]) for d in async_diagnostics(diagnostics)}
    for key in sorted(moved - got):
        failures.append(f"{name}:{key[0] + 1}: last version should have {key[1]}, not reported")
    for key in sorted(got - moved):
        failures.append(f"{name}:{key[0] + 1}: unexpected {key[1]} in the last version")
    for d in diagnostics:
        if d.get("severity") == ERROR:
            failures.append(f"{name}:{d['range']['start']['line'] + 1}: error in the last "
                            f"version: {d['message']}")
    print(f"{name}: {STORM_EDITS} edits sent in {sent:.1f}s, last version's diagnostics "
          f"after {time.monotonic() - started:.1f}s, {len(got)} async-*; diagnostics were "
          f"published for versions {sorted(v for v in seen if v is not None)}", flush=True)
    session.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    return failures


def main():
    options = {}
    argv = sys.argv[1:]
    while argv and argv[0].startswith("--"):
        key, _, value = argv.pop(0)[2:].partition("=")
        options[key] = value
    clangd, clangxx, project, work = argv[:4]
    clangd = os.path.abspath(clangd)
    for key in ("examples", "compile-commands", "corio-tidy"):
        if key in options:
            options[key] = os.path.abspath(options[key])
    includes = [f"-I{d}" for d in argv[4:]]
    work = os.path.abspath(work)
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(project, work)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("\n".join(["-std=c++20"] + includes) + "\n")
    logs = os.path.join(work, "logs")
    os.makedirs(logs)
    server = Server(clangd, work, logs)
    failures, checked = [], []
    try:
        sources = sorted(f for f in os.listdir(work) if f.endswith(".cpp"))
        for name in sources:
            checked.append(name)
            failures += run_guarded(server, name, lambda: check_file(
                server.session, clangxx, work, name, includes))
        if "examples" in options:
            dest = os.path.join(work, "examples")
            entries, copy_failures = copy_examples(
                options["examples"], options["compile-commands"], dest)
            failures += copy_failures
            reported = set()
            for rel in sorted(entries):
                checked.append(f"examples/{rel}")
                result = run_guarded(server, f"examples/{rel}", lambda: check_example(
                    server.session, options["corio-tidy"], dest, rel, entries[rel]))
                if isinstance(result, tuple):
                    result, expected = result
                    reported |= {code for _, code in expected}
                failures += result
            if not reported:
                failures.append("examples: corio-tidy reports nothing in any example")
            rel = options.get("storm-file", os.path.join("chat", "chat_server.cpp"))
            checked.append(f"examples/{rel} (didChange storm)")
            failures += run_guarded(server, f"examples/{rel} (didChange storm)",
                                    lambda: storm(server.session, options["corio-tidy"],
                                                  dest, rel))
    finally:
        server.close()
    for failure in failures:
        print("FAIL:", failure)
    failed = {c for c in checked if any(f.startswith(c + ":") for f in failures)}
    print(f"{len(checked) - len(failed)} passed, {len(failed)} failed"
          + (f" (the server was started {server.starts} times)" if server.starts > 1 else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

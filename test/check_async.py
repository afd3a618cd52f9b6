#!/usr/bin/env python3
"""Runs async-* checks on one lit test file through both delivery paths.

For each tool (the plugin loaded into the host clang-tidy, and corio-tidy):
  1. copy the test source with its CHECK comments blanked (line numbers kept),
  2. run the checks with --fix,
  3. FileCheck the diagnostics against CHECK-MESSAGES[-SUFFIX]; without such
     lines, any warning or error fails the test,
  4. FileCheck the fixed file against CHECK-FIXES[-SUFFIX] and compile it.
Finally both tools must have printed the same diagnostics and produced the
same fixed file.
"""
import argparse
import re
import shlex
import subprocess
import sys

DIAG = re.compile(r"^(?P<path>.*?):(?P<loc>\d+:\d+: (?:warning|error|note): .*)$")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--host-tidy", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--corio-tidy", required=True)
    p.add_argument("--filecheck", required=True)
    p.add_argument("--clangxx", required=True)
    p.add_argument("--check-suffix", default="",
                   help="use CHECK-MESSAGES-<S>/CHECK-FIXES-<S> prefixes")
    p.add_argument("--config", default="{}",
                   help="clang-tidy configuration (YAML/JSON), e.g. CheckOptions")
    p.add_argument("--fix-notes", action="store_true",
                   help="also apply fix-its attached to notes")
    p.add_argument("--no-fix", action="store_true",
                   help="check diagnostics only; do not apply or check fix-its")
    p.add_argument("source")
    p.add_argument("checks")
    p.add_argument("temp")
    p.add_argument("compile_args", nargs=argparse.REMAINDER,
                   help="after --: compiler arguments")
    args = p.parse_args()
    extra = args.compile_args
    if extra and extra[0] == "--":
        extra = extra[1:]
    args.compile_args = ["-std=c++20"] + extra
    return args


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(1)


def run(cmd, stdin=None):
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    return proc


def blank_check_comments(text):
    # Keeps every line (so [[@LINE]] still points right) but drops the
    # directives, so fixed output can never match its own CHECK patterns.
    return re.sub(r"//\s*CHECK-[A-Z0-9-]+:.*", "//", text)


def diagnostics(output, temp_file):
    """The diagnostic lines of clang-tidy's output, with our temp path
    replaced by a stable name so the two tools can be compared."""
    lines = []
    for line in output.splitlines():
        m = DIAG.match(line)
        if m:
            path = "<input>" if m.group("path") == temp_file else m.group("path")
            lines.append(f"{path}:{m.group('loc')}")
    return lines


def filecheck(args, prefix, text, what):
    cmd = [args.filecheck, args.source, f"--check-prefix={prefix}",
           "--dump-input=fail"]
    if prefix.startswith("CHECK-MESSAGES"):
        # The space keeps "error::operation_aborted" in messages from matching.
        cmd.append("--implicit-check-not={{(warning|error): }}")
    else:
        cmd.append("--strict-whitespace")
    proc = run(cmd, stdin=text)
    if proc.returncode != 0:
        fail(f"FileCheck {prefix} failed on {what}:\n{proc.stdout}{proc.stderr}")


def run_tool(args, name, tool_cmd, source_text, has_messages, has_fixes):
    temp_file = f"{args.temp}.{name}.cpp"
    with open(temp_file, "w") as f:
        f.write(source_text)
    cmd = tool_cmd + [f"--checks=-*,{args.checks}", f"--config={args.config}", temp_file]
    if not args.no_fix:
        cmd.append("--fix")
    if args.fix_notes:
        cmd.append("--fix-notes")
    cmd += ["--"] + args.compile_args
    proc = run(cmd)
    output = proc.stdout + proc.stderr
    if proc.returncode not in (0, 1) or "Stack dump" in output:
        fail(f"{name} crashed ({proc.returncode}): {shlex.join(cmd)}\n{output}")
    diags = diagnostics(proc.stdout, temp_file)
    diag_text = "\n".join(diags) + "\n"
    suffix = f"-{args.check_suffix}" if args.check_suffix else ""
    if has_messages:
        filecheck(args, "CHECK-MESSAGES" + suffix, proc.stdout, f"{name} output")
    else:
        unexpected = [d for d in diags if re.search(r": (warning|error): ", d)]
        if unexpected:
            fail(f"{name}: expected no diagnostics, got:\n" + "\n".join(unexpected))
    with open(temp_file) as f:
        fixed = f.read()
    if has_fixes:
        filecheck(args, "CHECK-FIXES" + suffix, fixed, f"{name} fixed file")
        comp = run([args.clangxx, "-fsyntax-only"] + args.compile_args + [temp_file])
        if comp.returncode != 0:
            fail(f"{name}: fixed file does not compile:\n{comp.stderr}")
    elif fixed != source_text:
        fail(f"{name}: the file was changed but the test has no CHECK-FIXES"
             f"{suffix} lines:\n{fixed}")
    return diag_text, fixed


def main():
    args = parse_args()
    with open(args.source) as f:
        original = f.read()
    suffix = f"-{args.check_suffix}" if args.check_suffix else ""
    has_messages = re.search(rf"CHECK-MESSAGES{re.escape(suffix)}:", original)
    has_fixes = re.search(rf"CHECK-FIXES{re.escape(suffix)}:", original)
    source_text = blank_check_comments(original)

    tools = {
        "plugin": [args.host_tidy, f"-load={args.plugin}"],
        "corio-tidy": [args.corio_tidy],
    }
    results = {name: run_tool(args, name, cmd, source_text, has_messages, has_fixes)
               for name, cmd in tools.items()}
    (pd, pf), (sd, sf) = results["plugin"], results["corio-tidy"]
    if pd != sd:
        fail(f"plugin and corio-tidy disagree:\n--- plugin\n{pd}--- corio-tidy\n{sd}")
    if pf != sf:
        fail("plugin and corio-tidy produced different fixed files")


if __name__ == "__main__":
    main()

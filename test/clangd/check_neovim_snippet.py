#!/usr/bin/env python3
"""The plugin-less Neovim snippet of docs/ide.md, run as written (only the
corio-clangd path replaced) in a headless Neovim: files of one project root
share one corio-clangd, another root gets its own, and a root whose server
stopped gets a new one. A marker further up (a compile_commands.json above
both roots) does not make them one root.

usage: check_neovim_snippet.py CORIO_CLANGD SCRATCH_DIR"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOC = HERE.parent.parent / "docs" / "ide.md"
PLACEHOLDER = "/path/to/corio/build/bin/corio-clangd"

# Opens the files, waits for their servers, stops root A's, opens one more
# file there, and writes which client each buffer is attached to.
DRIVER = r"""
local function attached(file)
  local buf = vim.fn.bufnr(file)
  local ids = {}
  for id, _ in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(ids, id) end
  return ids
end
local function wait_for(n)
  return vim.wait(60000, function() return #vim.lsp.get_active_clients() == n end, 50)
end
local report = {}
for _, f in ipairs { 'a/one.cpp', 'a/two.cpp', 'a/sub/three.cpp', 'b/four.cpp' } do
  vim.cmd('edit ' .. f)
end
report.started = wait_for(2)
report.roots = {}
for _, c in ipairs(vim.lsp.get_active_clients()) do table.insert(report.roots, c.config.root_dir) end
report.first = {}
for _, f in ipairs { 'a/one.cpp', 'a/two.cpp', 'a/sub/three.cpp', 'b/four.cpp' } do
  report.first[f] = attached(f)
end
local a = report.first['a/one.cpp'][1]
vim.lsp.stop_client(a)
report.stopped = vim.wait(30000, function() return vim.lsp.client_is_stopped(a) end, 50)
vim.cmd('edit a/five.cpp')
report.restarted = wait_for(2)
report.five = attached('a/five.cpp')
vim.fn.writefile({ vim.fn.json_encode(report) }, 'report.json')
vim.cmd('qall!')
"""


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def snippet():
    text = DOC.read_text()
    after = text[text.index("Without plugins (Neovim 0.7"):]
    block = re.search(r"```lua\n(.*?)```", after, re.DOTALL)[1]
    if PLACEHOLDER not in block:
        fail(f"the snippet in {DOC} no longer names {PLACEHOLDER}")
    return block


def main():
    corio_clangd, scratch = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    shutil.rmtree(scratch, ignore_errors=True)
    for f in ["a/one.cpp", "a/two.cpp", "a/sub/three.cpp", "a/five.cpp", "b/four.cpp"]:
        (scratch / f).parent.mkdir(parents=True, exist_ok=True)
        (scratch / f).write_text("int main() { return 0; }\n")
    (scratch / "a" / ".git").mkdir()
    # A marker further up must not win over the nearer ones.
    (scratch / "compile_commands.json").write_text("[]\n")
    (scratch / "b" / ".clangd").write_text("CompileFlags:\n  Add: [-std=c++20]\n")
    (scratch / "init.lua").write_text(snippet().replace(PLACEHOLDER, str(corio_clangd)))
    (scratch / "driver.lua").write_text(DRIVER)
    proc = subprocess.run(["nvim", "--headless", "-i", "NONE", "-u", "init.lua",
                           "-c", "luafile driver.lua"], cwd=scratch, capture_output=True,
                          text=True, timeout=300)
    if not (scratch / "report.json").exists():
        fail(f"Neovim wrote no report (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
    report = json.loads((scratch / "report.json").read_text())
    first = report["first"]
    if not report["started"] or sorted(report["roots"]) != [str(scratch / "a"), str(scratch / "b")]:
        fail(f"expected one server for each of the roots a and b: {report}")
    a_ids = {tuple(first[f]) for f in ["a/one.cpp", "a/two.cpp", "a/sub/three.cpp"]}
    if len(a_ids) != 1 or len(next(iter(a_ids))) != 1 or first["b/four.cpp"] == first["a/one.cpp"] \
            or len(first["b/four.cpp"]) != 1:
        fail(f"the files of root a do not share one server, apart from root b's: {first}")
    if not report["stopped"] or not report["restarted"] or len(report["five"]) != 1 or \
            report["five"] == first["a/one.cpp"]:
        fail(f"root a's stopped server was not replaced by a new one: {report}")
    print("Neovim snippet: one server per project root: 3 passed, 0 failed")


main()

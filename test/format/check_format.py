#!/usr/bin/env python3
"""Fails when a C++ file of checks/, tools/, lib/ or bench/ is not formatted
as the .clang-format next to it says (test/ and examples/ are not formatted:
their CHECK lines and golden reports name line numbers)."""
import pathlib
import subprocess
import sys

FORMATTED_DIRS = ("checks", "tools", "lib", "bench")
SUFFIXES = {".cpp", ".h", ".hpp"}


def sources(root):
    for top in FORMATTED_DIRS:
        for path in sorted((root / top).rglob("*")):
            if path.suffix in SUFFIXES and path.is_file():
                yield path


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check_format.py CLANG_FORMAT SOURCE_ROOT")
    clang_format, root = sys.argv[1], pathlib.Path(sys.argv[2])
    files = list(sources(root))
    if not files:
        sys.exit(f"no sources found under {root}")
    result = subprocess.run([clang_format, "--dry-run", "-Werror", *map(str, files)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        sys.exit(f"{clang_format}: files above are not formatted; run "
                 f"`{clang_format} -i` on them (config: the nearest .clang-format)")
    print(f"{len(files)} files formatted as their .clang-format says")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compares the tables of docs/checks/frameworks.md with the catalogue.

print_frameworks prints the part of the page between its two "generated"
markers from checks/frameworks/; any difference fails, with a diff. With
--update the page is rewritten from the catalogue instead.
"""
import argparse
import difflib
import subprocess
import sys

BEGIN = "<!-- BEGIN GENERATED: test/frameworks/print_frameworks -->\n"
END = "<!-- END GENERATED -->\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("printer", help="the print_frameworks executable")
    parser.add_argument("page", help="docs/checks/frameworks.md")
    parser.add_argument("--update", action="store_true", help="rewrite the page's tables")
    args = parser.parse_args()

    generated = subprocess.run([args.printer], check=True, capture_output=True,
                               text=True).stdout
    with open(args.page, encoding="utf-8") as f:
        page = f.read()
    if page.count(BEGIN) != 1 or page.count(END) != 1:
        sys.exit(f"{args.page}: needs one '{BEGIN.strip()}' and one '{END.strip()}' line")
    head, rest = page.split(BEGIN)
    written, tail = rest.split(END)
    if args.update:
        with open(args.page, "w", encoding="utf-8") as f:
            f.write(head + BEGIN + generated + END + tail)
        return 0
    if written == generated:
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        written.splitlines(keepends=True), generated.splitlines(keepends=True),
        fromfile=args.page, tofile="checks/frameworks/ (print_frameworks)"))
    print(f"\n{args.page} differs from the catalogue; regenerate it with\n"
          f"  python3 test/frameworks/check_frameworks_doc.py --update {args.printer} {args.page}")
    return 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""find_package(corio) from an install tree provides
corio_enable_async_checks(), and building a target it names reports the
async-blocking-call finding through clang-tidy with corio's plugin."""
import shutil

from ci_support import HERE, absolute, fail, parse_args, run

args = parse_args(("--build-dir", {"required": True, "type": absolute,
                                   "help": "corio build tree to install"}),
                  ("--clangxx", {"required": True}))
prefix, user = args.scratch / "prefix", args.scratch / "user"
shutil.copytree(HERE / "cmake-helper", user / "src")

run(["cmake", "--install", args.build_dir, "--prefix", prefix], cwd=args.scratch,
    expect_status={0})
run(["cmake", "-S", user / "src", "-B", user / "build", "-G", "Ninja",
     f"-DCMAKE_CXX_COMPILER={args.clangxx}", f"-DCMAKE_PREFIX_PATH={prefix}"],
    cwd=args.scratch, expect_status={0})
build = run(["cmake", "--build", user / "build"], cwd=args.scratch, expect_status={0})
if "napper.cpp:19:3: warning:" not in build.stdout or "[async-blocking-call]" not in build.stdout:
    fail(f"the build did not report async-blocking-call at napper.cpp:19:3:\n{build.stdout}")
if f"-load={prefix}/" not in \
        (user / "build" / "CMakeFiles" / "rules.ninja").read_text():
    fail("the installed plugin is not the one clang-tidy loads")
print("corio_enable_async_checks from an install tree: 1 passed, 0 failed")

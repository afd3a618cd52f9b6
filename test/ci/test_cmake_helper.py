#!/usr/bin/env python3
"""An install of corio under a prefix other than the configured one serves
both ways of using it from there: find_package(corio) provides
corio_enable_async_checks() (building a target it names reports the
async-blocking-call finding through clang-tidy with corio's plugin) and
corio::corio; pkg-config's corio.pc points into that prefix too."""
import os
import shlex
import shutil

from ci_support import HERE, absolute, fail, parse_args, run

args = parse_args(("--build-dir", {"required": True, "type": absolute,
                                   "help": "corio build tree to install"}),
                  ("--clangxx", {"required": True}))
prefix, user = args.scratch / "prefix", args.scratch / "user"
shutil.copytree(HERE / "cmake-helper", user / "src")
passed = 0

configured = run(["cmake", "-N", "-L", args.build_dir], cwd=args.scratch, expect_status={0})
if f"CMAKE_INSTALL_PREFIX:PATH={prefix}" in configured.stdout:
    fail("the build tree is configured for the test's own prefix; the test needs another")
run(["cmake", "--install", args.build_dir, "--prefix", prefix], cwd=args.scratch,
    expect_status={0})

# CMake: the helper and the runtime target.
run(["cmake", "-S", user / "src", "-B", user / "build", "-G", "Ninja",
     f"-DCMAKE_CXX_COMPILER={args.clangxx}", f"-DCMAKE_PREFIX_PATH={prefix}"],
    cwd=args.scratch, expect_status={0})
build = run(["cmake", "--build", user / "build"], cwd=args.scratch, expect_status={0})
if "napper.cpp:19:3: warning:" not in build.stdout or "[async-blocking-call]" not in build.stdout:
    fail(f"the build did not report async-blocking-call at napper.cpp:19:3:\n{build.stdout}")
if f"-load={prefix}/" not in \
        (user / "build" / "CMakeFiles" / "rules.ninja").read_text():
    fail("the installed plugin is not the one clang-tidy loads")
passed += 1
run([user / "build" / "runtime_user"], cwd=args.scratch, expect_status={0})
passed += 1

# pkg-config: the flags name the prefix the files are in.
pkg_config = ["env", f"PKG_CONFIG_PATH={prefix}/share/pkgconfig", "pkg-config"]
cflags = run([*pkg_config, "--cflags", "corio"], cwd=args.scratch, expect_status={0}).stdout
libs = run([*pkg_config, "--libs", "corio"], cwd=args.scratch, expect_status={0}).stdout
includes = [f[2:] for f in shlex.split(cflags) if f.startswith("-I")]
if [os.path.realpath(i) for i in includes] != [os.path.realpath(prefix / "include")]:
    fail(f"corio.pc's include path is not {prefix}/include: {cflags}")
run([args.clangxx, *shlex.split(cflags), HERE / "cmake-helper" / "runtime_user.cpp",
     *shlex.split(libs), "-o", args.scratch / "runtime_user_pc"], cwd=args.scratch,
    expect_status={0})
run([args.scratch / "runtime_user_pc"], cwd=args.scratch, expect_status={0})
passed += 1
print(f"corio installed under another prefix, through CMake and pkg-config: "
      f"{passed} passed, 0 failed")

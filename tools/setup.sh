#!/usr/bin/env bash
# Shared first half of tools/demo.sh and tools/test.sh: install what is
# missing (when root), then configure and build corio in build/.
# Re-running is cheap: nothing is reinstalled, ninja builds incrementally.
#
# Without root, or on a system without dpkg/apt, nothing is installed: the
# missing packages and the one command that installs them are printed and the
# script exits 1. A non-root user with every package installed goes on to
# build. CORIO_SKIP_PACKAGES=1 skips the package step altogether (for a
# toolchain installed some other way). tools/fresh-machine-test.sh proves all
# this on a fresh Debian 12 root.
set -euo pipefail

CORIO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${CORIO_BUILD_DIR:-$CORIO_ROOT/build}
JOBS=${CORIO_JOBS:-$(nproc)}

# Debian 12 packages, by purpose: "why|packages". The install prints each
# group's reason next to its missing packages.
PACKAGE_GROUPS=(
  "build tools (CMake, Ninja; Python runs lit and the test scripts; git stamps the commit into corio-tidy --version)|cmake ninja-build pkg-config python3 python3-jsonschema python3-yaml git"
  "compilers (clang 22 with lld and the sanitizer runtimes; g++ for the runtime's second build)|clang-22 lld lld-22 libclang-rt-22-dev g++"
  "LLVM/Clang 22 libraries and tools (the checks link them; lit, FileCheck, clang-tidy, clangd)|libclang-22-dev llvm-22-dev llvm-22-tools clang-tidy-22 clangd-22"
  "clang-format 22 (the format test checks checks/, tools/, lib/ and bench/)|clang-format-22"
  "clangd's gRPC/protobuf deps (Debian's clangd libraries link the remote index)|libgrpc++-dev libprotobuf-dev libabsl-dev protobuf-compiler-grpc"
  "test libraries (GoogleTest, Google Benchmark)|libgtest-dev libbenchmark-dev"
  "Neovim 0.7 (test/clangd runs docs/ide.md's editor snippet in it)|neovim"
  "Boost (Asio, for the examples and the integration tests)|libboost1.81-dev"
  "Qt 6 and QCoro (test/integration runs the Qt rules on the real headers)|qt6-base-dev qcoro-qt6-dev"
)
# Why protobuf-compiler-grpc: ClangTargets.cmake names gRPC::grpc++ and
# protobuf::libprotobuf, so cmake/CorioLLVM.cmake runs find_package(gRPC),
# and Debian's gRPCTargets.cmake refuses to load unless every file it names
# exists, /usr/bin/grpc_cpp_plugin (this package, 38 kB) included. Defining
# the two imported targets ourselves would skip it, but would copy by hand
# what Debian's gRPC package says gRPC::grpc++ links (absl, re2, c-ares,
# OpenSSL, zlib, its sonames) and silently drift when that changes; the
# package keeps Debian's own CMake files authoritative.

package_list() { # [group index]: the packages of one group, or of all
  local entry
  if [ $# -eq 1 ]; then
    entry=${PACKAGE_GROUPS[$1]}
    echo "${entry#*|}"
  else
    for entry in "${PACKAGE_GROUPS[@]}"; do echo "${entry#*|}"; done | xargs
  fi
}

have_dpkg_apt() { command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; }

missing_packages() { # [group index]
  local pkg
  for pkg in $(package_list "$@"); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || echo "$pkg"
  done
}

print_groups() { # "missing" or "all": one line per group with packages to show
  local i entry pkgs
  for i in "${!PACKAGE_GROUPS[@]}"; do
    entry=${PACKAGE_GROUPS[$i]}
    if [ "$1" = missing ]; then pkgs=$(missing_packages "$i" | xargs); else pkgs=$(package_list "$i"); fi
    [ -n "$pkgs" ] && printf '  %s:\n      %s\n' "${entry%%|*}" "$pkgs"
  done
  return 0
}

install_packages() {
  local missing
  if [ "${CORIO_SKIP_PACKAGES:-0}" = 1 ]; then
    echo "corio: CORIO_SKIP_PACKAGES=1: not checking packages"
    return 0
  fi
  if ! have_dpkg_apt; then
    {
      echo "corio: this system has no dpkg/apt, so tools/setup.sh cannot tell what is"
      echo "corio: installed. corio needs these Debian 12 packages (or their equivalents):"
      print_groups all
      echo "corio: on Debian 12 the one command is:"
      echo "  sudo apt-get install --no-install-recommends $(package_list)"
      echo "corio: with a toolchain installed another way, rerun with CORIO_SKIP_PACKAGES=1"
    } >&2
    exit 1
  fi
  missing=$(missing_packages | xargs)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    {
      echo "corio: not root, so not installing. These packages are missing:"
      print_groups missing
      echo "corio: install them with this one command, then rerun:"
      echo "  sudo apt-get install --no-install-recommends $missing"
      echo "corio: (on a machine that has never run apt-get update, run 'sudo apt-get update' first)"
    } >&2
    exit 1
  fi
  echo "corio: installing $(wc -w <<<"$missing") missing packages (apt-get install --no-install-recommends):"
  print_groups missing
  local t0=$SECONDS
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  echo "corio: installed in $(( SECONDS - t0 ))s"
}

# Standalone Asio's headers, for the test of corio/asio.hpp's
# CORIO_ASIO_STANDALONE branch (test/runtime/asio_standalone_test.cpp).
# Debian packages them as libasio-dev, but installing it replaces
# libboost1.81-dev by 1.74, so the package is only downloaded and unpacked
# (dpkg-deb -x, no dpkg database entry) into a fixed directory that CMake's
# CORIO_ASIO_STANDALONE_DIR defaults to. /var/cache/corio: derived data that
# this script can always regenerate, outside /usr (which belongs to dpkg) and
# outside the build tree (so a fresh build dir needs no download). Without
# root (the directory cannot be created) or without apt, it says what to run;
# the test is then reported as skipped, with this reason.
ASIO_STANDALONE_DIR=/var/cache/corio/asio-standalone

unpack_standalone_asio() {
  local tmp
  [ -f "$ASIO_STANDALONE_DIR/usr/include/asio.hpp" ] && return 0
  if [ "${CORIO_SKIP_PACKAGES:-0}" = 1 ] || ! have_dpkg_apt || [ "$(id -u)" -ne 0 ]; then
    {
      echo "corio: standalone Asio's headers are not in $ASIO_STANDALONE_DIR; the test"
      echo "corio: corio_asio_standalone will be skipped. To unpack them (never install libasio-dev):"
      echo "  cd \$(mktemp -d) && apt-get download libasio-dev && sudo dpkg-deb -x libasio-dev_*.deb $ASIO_STANDALONE_DIR"
    } >&2
    return 0
  fi
  tmp=$(mktemp -d)
  # apt-get download writes into the current directory; as root it warns
  # that the _apt user cannot write there, which is harmless.
  if ! (cd "$tmp" && { apt-get download -qq libasio-dev 2>/dev/null \
                         || { apt-get update -qq && apt-get download -qq libasio-dev 2>/dev/null; }; }); then
    echo "corio: could not download libasio-dev; the test corio_asio_standalone will be skipped" >&2
    rm -rf "$tmp"
    return 0
  fi
  mkdir -p "$ASIO_STANDALONE_DIR"
  dpkg-deb -x "$tmp"/libasio-dev_*.deb "$ASIO_STANDALONE_DIR"
  rm -rf "$tmp"
  echo "corio: unpacked standalone Asio's headers (libasio-dev, not installed) into $ASIO_STANDALONE_DIR"
}

configure_and_build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$CORIO_ROOT" -B "$BUILD_DIR" -G Ninja \
      -DCMAKE_CXX_COMPILER=clang++-22 -DCMAKE_BUILD_TYPE=Release
  fi
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

install_packages
unpack_standalone_asio
configure_and_build

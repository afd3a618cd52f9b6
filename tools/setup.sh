#!/usr/bin/env bash
# Shared first half of tools/demo.sh and tools/test.sh: install what is
# missing (when root), then configure and build corio in build/.
# Re-running is cheap: nothing is reinstalled, ninja builds incrementally.
set -euo pipefail

CORIO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${CORIO_BUILD_DIR:-$CORIO_ROOT/build}
JOBS=${CORIO_JOBS:-$(nproc)}

PACKAGES=(
  cmake ninja-build python3 python3-jsonschema g++ pkg-config
  clang-22 clang-tidy-22 clangd-22 lld lld-22 libclang-rt-22-dev
  libclang-22-dev llvm-22-dev llvm-22-tools
  libgtest-dev libbenchmark-dev libboost1.81-dev
  libgrpc++-dev libprotobuf-dev libabsl-dev
)

missing_packages() {
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || echo "$pkg"
  done
}

install_packages() {
  local missing
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "corio: missing packages:" $missing >&2
    echo "corio: run as root, or: sudo apt-get install" $missing >&2
    exit 1
  fi
  echo "corio: installing" $missing
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

configure_and_build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$CORIO_ROOT" -B "$BUILD_DIR" -G Ninja \
      -DCMAKE_CXX_COMPILER=clang++-22 -DCMAKE_BUILD_TYPE=Release
  fi
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

install_packages
configure_and_build

#!/usr/bin/env bash
# The whole test suite: set up and build (clang-22: checks, lit suites, the
# runtime under ASan+UBSan and TSan), then the runtime again with g++, then
# ctest over everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

GCC_BUILD_DIR=$BUILD_DIR/gcc-runtime
if [ ! -f "$GCC_BUILD_DIR/build.ninja" ]; then
  cmake -S "$CORIO_ROOT" -B "$GCC_BUILD_DIR" -G Ninja \
    -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
    -DCORIO_BUILD_CHECKS=OFF -DCORIO_BUILD_EXAMPLES=OFF
fi
cmake --build "$GCC_BUILD_DIR" -j "$JOBS"

echo "== runtime tests, g++"
ctest --test-dir "$GCC_BUILD_DIR" --output-on-failure -j "$JOBS"
echo "== all tests, clang-22 (checks, integration, runtime with sanitizers)"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"

#!/usr/bin/env bash
# The whole test suite: set up and build (clang-22: checks, lit suites, the
# runtime under ASan+UBSan and TSan, and plain at -O0), then the runtime again
# with g++ in Release and at -O0 (Debug), then ctest over everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# g++ below -O2 makes no tail calls: the -O0 build checks that the runtime
# keeps constant stack without them (docs/runtime.md, "task").
for variant in "gcc-runtime Release" "gcc-runtime-O0 Debug"; do
  read -r dir build_type <<<"$variant"
  GCC_BUILD_DIR=$BUILD_DIR/$dir
  if [ ! -f "$GCC_BUILD_DIR/build.ninja" ]; then
    cmake -S "$CORIO_ROOT" -B "$GCC_BUILD_DIR" -G Ninja \
      -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE="$build_type" \
      -DCORIO_BUILD_CHECKS=OFF -DCORIO_BUILD_EXAMPLES=OFF
  fi
  cmake --build "$GCC_BUILD_DIR" -j "$JOBS"
  echo "== runtime tests, g++ ($build_type)"
  ctest --test-dir "$GCC_BUILD_DIR" --output-on-failure -j "$JOBS"
done
echo "== all tests, clang-22 (checks, integration, runtime with sanitizers and at -O0)"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"

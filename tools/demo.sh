#!/usr/bin/env bash
# The main job: set up, build, then lint examples/ with the async-* checks
# and show the findings, then apply the fix-its to a copy and show the diff.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

CORIO_TIDY=$BUILD_DIR/bin/corio-tidy
mapfile -t SOURCES < <(find "$CORIO_ROOT/examples" -name '*.cpp' | sort)

echo
echo "== async-* findings in examples/ (compile database: $BUILD_DIR/compile_commands.json)"
status=0
"$CORIO_TIDY" -p "$BUILD_DIR" --checks='-*,async-*' --quiet "${SOURCES[@]}" 2>/dev/null || status=$?

echo
echo "== fix-its: corio-tidy --fix on a copy of examples/ (the originals stay as they are)"
WORK=$BUILD_DIR/demo-fixes
rm -rf "$WORK" && mkdir -p "$WORK/before" "$WORK/after"
cp -r "$CORIO_ROOT/examples" "$WORK/before/" && cp -r "$CORIO_ROOT/examples" "$WORK/after/"
# The copy gets the originals' compile commands, pointed at the copy.
sed "s|$CORIO_ROOT/examples|$WORK/after/examples|g" "$BUILD_DIR/compile_commands.json" \
  > "$WORK/after/compile_commands.json"
"$CORIO_TIDY" -p "$WORK/after" --checks='-*,async-*' --quiet --fix \
  "${SOURCES[@]/#$CORIO_ROOT/$WORK/after}" >/dev/null 2>&1 || true
(cd "$WORK" && diff -ru before/examples after/examples) || true

# The migrated server (examples/chat_corio) at work; informational only: the
# demo's exit status stays that of the lint above.
if [ -x "$BUILD_DIR/bin/chat-server-corio" ]; then
  echo
  echo "== examples/chat_corio: the migrated chat server on 127.0.0.1, three scripted clients, then SIGTERM"
  python3 "$CORIO_ROOT/tools/chat_corio_demo.py" "$BUILD_DIR/bin/chat-server-corio" "$WORK/chat-corio" \
    || echo "(the chat_corio step did not complete)"
fi
exit "$status"

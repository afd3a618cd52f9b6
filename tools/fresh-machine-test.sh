#!/usr/bin/env bash
# The README's two commands on a fresh machine: build a minimal Debian 12 root
# (debootstrap --variant=minbase bookworm, with the host's apt sources), put a
# clean clone of HEAD in it, and run there as root, failing on any error:
#   1. tools/setup.sh as a non-root user, before anything is installed: it must
#      print the missing packages and the install command, and exit non-zero;
#      the same without dpkg/apt on PATH (a non-Debian system), as root;
#   2. bash tools/demo.sh, then bash tools/test.sh (as the README says);
#   3. tools/setup.sh again as the non-root user, now that everything is
#      installed: it must go on and build (a no-op) and exit 0.
#
# Needs root (debootstrap, chroot, mounts); installs debootstrap if missing.
# The bare root is cached as a tarball keyed by date and apt sources under
# $CORIO_FRESH_ROOT_CACHE (default /var/cache/corio-fresh-root), so a rerun on
# the same day skips debootstrap. Every chroot phase runs in its own private
# mount namespace (unshare -m): /proc, /sys, /dev, /dev/pts, /dev/shm are
# mounted there only and vanish with it, so no exit path (error, Ctrl-C,
# SIGTERM, even SIGKILL) leaves a mount behind, and deleting the root from
# this namespace cannot reach the host's /dev. The EXIT trap ends what still
# runs in the root and deletes it (CORIO_FRESH_KEEP_ROOT=1 keeps it).
#
# .ci/run runs this; CORIO_SKIP_FRESH_ROOT=1 skips it there (never with CI=true).
set -euo pipefail

CORIO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUITE=bookworm
CACHE_DIR=${CORIO_FRESH_ROOT_CACHE:-/var/cache/corio-fresh-root}
WORK_PARENT=${CORIO_FRESH_WORKDIR:-/var/tmp}
TEST_USER=corio-fresh
SRC_IN_ROOT=/src/corio

ROOT=
CHILD=
TIMINGS=()
T_START=$(date +%s)

log() { echo "fresh-machine: $*"; }
die() { echo "fresh-machine: FAIL: $*" >&2; exit 1; }

PHASE=
phase_start() { PHASE=$1; PHASE_T0=$(date +%s); log "== $PHASE"; }
phase_end() {
  local dt=$(( $(date +%s) - PHASE_T0 ))
  TIMINGS+=("$(printf '%6ds  %s' "$dt" "$PHASE")")
  log "== $PHASE: done in ${dt}s"
  PHASE=
}
print_timings() {
  [ -n "$PHASE" ] && TIMINGS+=("$(printf '%6ds  %s: DID NOT FINISH' "$(( $(date +%s) - PHASE_T0 ))" "$PHASE")")
  [ ${#TIMINGS[@]} -gt 0 ] || return 0
  echo "fresh-machine: phase times:"
  printf '  %s\n' "${TIMINGS[@]}"
  printf '  %6ds  total\n' "$(( $(date +%s) - T_START ))"
}

# Processes whose root directory is the fresh root: everything a phase started.
root_pids() {
  local p r
  for p in /proc/[0-9]*; do
    r=$(readlink "$p/root" 2>/dev/null) || continue
    [ "$r" = "$ROOT" ] && echo "${p#/proc/}"
  done
  return 0
}

cleanup() {
  local status=$? pids
  trap - EXIT INT TERM HUP
  set +e
  [ -n "$CHILD" ] && kill -TERM "$CHILD" 2>/dev/null
  if [ -n "$ROOT" ] && [ -d "$ROOT" ]; then
    pids=$(root_pids)
    if [ -n "$pids" ]; then
      log "ending what still runs in the root:" $pids
      # shellcheck disable=SC2086
      kill -TERM $pids 2>/dev/null; sleep 2
      pids=$(root_pids)
      # shellcheck disable=SC2086
      [ -n "$pids" ] && kill -KILL $pids 2>/dev/null && sleep 1
    fi
    [ -n "$CHILD" ] && wait "$CHILD" 2>/dev/null
    if grep -qF " $ROOT/" /proc/self/mountinfo || grep -qF " $ROOT " /proc/self/mountinfo; then
      log "something is mounted under $ROOT in this namespace; not deleting it"
    elif [ "${CORIO_FRESH_KEEP_ROOT:-0}" = 1 ]; then
      log "kept the root: $ROOT"
    else
      rm -rf --one-file-system "$ROOT"
    fi
  fi
  rm -f "$CACHE_DIR"/*.tmp.$$ 2>/dev/null
  print_timings
  if [ "$status" -eq 0 ]; then log "PASS"; else log "FAIL (exit $status)"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM
trap 'exit 129' HUP

# Runs a command in the background and waits, so that a signal runs its trap
# at once instead of after the command ends.
run_waiting() {
  "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=
  return "$rc"
}

# in_root [--user NAME] [--env K=V]... -- CMD...: run CMD in the root, in a
# fresh private mount namespace with /proc, /sys, /dev, /dev/pts, /dev/shm.
in_root() {
  local user="" envs=()
  while [ $# -gt 0 ]; do
    case $1 in
      --user) user=$2; shift 2 ;;
      --env) envs+=("$2"); shift 2 ;;
      --) shift; break ;;
      *) break ;;
    esac
  done
  local base_env=(HOME=/root USER=root LOGNAME=root
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive)
  [ -n "${CORIO_JOBS:-}" ] && base_env+=("CORIO_JOBS=$CORIO_JOBS")
  [ -n "${CI:-}" ] && base_env+=("CI=$CI")
  local cmd=(env -i "${base_env[@]}" "${envs[@]}")
  if [ -n "$user" ]; then
    cmd+=(runuser -u "$user" -- env "HOME=/home/$user" "USER=$user" "LOGNAME=$user")
  fi
  cmd+=("$@")
  # shellcheck disable=SC2016
  run_waiting unshare --mount --propagation private -- bash -euc '
    root=$1; shift
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
    exec chroot "$root" "$@"
  ' in_root "$ROOT" "${cmd[@]}"
}

# The host's Debian mirror for $SUITE (deb822 .sources or one-line .list).
host_mirror() {
  local f m=
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    m=$(awk -v suite="$SUITE" 'BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^Types:/) types = $i
          if ($i ~ /^URIs:/) uris = $i
          if ($i ~ /^Suites:/) suites = $i
        }
        if (types ~ /[: ]deb( |$)/ && (" " suites " ") ~ (" " suite " ")) {
          sub(/^URIs:[ \t]*/, "", uris); split(uris, u, /[ \t]+/); print u[1]; exit
        }
      }' "$f")
    [ -n "$m" ] && break
  done
  if [ -z "$m" ]; then
    m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      sed -nE "s/^deb[ \t]+(\[[^]]*\][ \t]+)?([^ \t]+)[ \t]+${SUITE}[ \t].*/\2/p" | head -n1)
  fi
  echo "${m:-http://deb.debian.org/debian}"
}

# The host's apt sources, their keys and its Acquire settings (snapshot
# mirrors need Check-Valid-Until off, a proxy must be used the same way).
copy_apt_config() {
  local dst=$1 f key
  rm -f "$dst/etc/apt/sources.list" "$dst"/etc/apt/sources.list.d/*
  [ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$dst/etc/apt/"
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && cp "$f" "$dst/etc/apt/sources.list.d/"
  done
  for f in /etc/apt/trusted.gpg /etc/apt/trusted.gpg.d/*; do
    [ -f "$f" ] && [ ! -e "$dst$f" ] && cp "$f" "$dst$f"
  done
  for key in $(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
                   /etc/apt/sources.list.d/*.sources 2>/dev/null |
               grep -oE '(Signed-By:[ \t]*|signed-by=)/[^] \t]+' | sed -E 's/^(Signed-By:[ \t]*|signed-by=)//' | sort -u); do
    if [ -f "$key" ] && [ ! -e "$dst$key" ]; then
      mkdir -p "$dst$(dirname "$key")" && cp "$key" "$dst$key"
    fi
  done
  apt-config dump | grep -E '^Acquire::(Check-Valid-Until|Check-Date|Retries|https?::Proxy|ForceIPv4|ForceIPv6) ' \
    > "$dst/etc/apt/apt.conf.d/90corio-host-acquire" || true
}

sources_key() {
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null
    apt-config dump | grep -E '^Acquire::(Check-Valid-Until|Check-Date) ' || true
  } | sha256sum | cut -c1-12
}

# ---------------------------------------------------------------------------
# All of it in one function: bash parses it whole before running any of it,
# so editing or checking out this file during a run cannot derail the run.
main() {

  [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mounts); run it as root"
  command -v unshare >/dev/null || die "needs unshare (util-linux)"
  git -C "$CORIO_ROOT" rev-parse --verify -q HEAD >/dev/null || die "$CORIO_ROOT is not a git checkout"
  HEAD_SHA=$(git -C "$CORIO_ROOT" rev-parse HEAD)
  if [ -n "$(git -C "$CORIO_ROOT" status --porcelain --untracked-files=no)" ]; then
    log "note: uncommitted changes in $CORIO_ROOT are not tested (the root gets a clone of HEAD)"
  fi
  ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
  MIRROR=$(host_mirror)
  KEY="$SUITE-minbase-$ARCH-$(date -u +%Y%m%d)-$(sources_key)"
  TARBALL=$CACHE_DIR/$KEY.tar.gz
  log "HEAD $HEAD_SHA, $SUITE/$ARCH from $MIRROR, cache $TARBALL"

  phase_start "host: debootstrap present"
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap on the host"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  fi
  phase_end

  mkdir -p "$WORK_PARENT"
  ROOT=$(mktemp -d "$WORK_PARENT/corio-fresh-root.XXXXXX")
  chmod 755 "$ROOT"

  if [ -f "$TARBALL" ]; then
    phase_start "bare root: from the cache ($(basename "$TARBALL"))"
    tar -xzf "$TARBALL" -C "$ROOT" --numeric-owner
    phase_end
  else
    phase_start "bare root: debootstrap --variant=minbase $SUITE (not cached yet)"
    run_waiting debootstrap --variant=minbase --arch="$ARCH" "$SUITE" "$ROOT" "$MIRROR" \
      > "$ROOT.debootstrap.log" 2>&1 || { tail -n 30 "$ROOT.debootstrap.log" >&2; rm -f "$ROOT.debootstrap.log"; die "debootstrap failed"; }
    rm -f "$ROOT.debootstrap.log"
    copy_apt_config "$ROOT"
    rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/archives/*.deb
    phase_end
    phase_start "bare root: caching it"
    mkdir -p "$CACHE_DIR"
    tar -czf "$TARBALL.tmp.$$" -C "$ROOT" --numeric-owner --one-file-system .
    mv "$TARBALL.tmp.$$" "$TARBALL"
    # Older roots (other days, other sources) are stale.
    find "$CACHE_DIR" -maxdepth 1 -name "$SUITE-minbase-*.tar.gz" ! -name "$KEY.tar.gz" -delete
    log "cached: $TARBALL ($(du -h "$TARBALL" | cut -f1))"
    phase_end
  fi

  phase_start "root: host DNS, a clean clone of HEAD, a non-root user"
  # Per run, not cached: DNS is the host's business and may change.
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
  mkdir -p "$ROOT$(dirname "$SRC_IN_ROOT")"
  git clone --quiet --no-checkout "$CORIO_ROOT" "$ROOT$SRC_IN_ROOT"
  git -C "$ROOT$SRC_IN_ROOT" checkout --quiet --detach "$HEAD_SHA"
  [ ! -e "$ROOT$SRC_IN_ROOT/build" ] || die "the clone has a build/"
  in_root -- useradd --create-home --shell /bin/bash "$TEST_USER"
  phase_end

  phase_start "setup.sh as non-root before install: must list packages and exit non-zero"
  out=$ROOT/tmp/setup-nonroot.out
  rc=0
  in_root --user "$TEST_USER" -- bash "$SRC_IN_ROOT/tools/setup.sh" > "$out" 2>&1 || rc=$?
  cat "$out"
  [ "$rc" -ne 0 ] || die "setup.sh as non-root on a bare root exited 0"
  grep -q '^  sudo apt-get install --no-install-recommends .*protobuf-compiler-grpc' "$out" \
    || die "setup.sh as non-root did not print the install command"
  for group in "build tools" "compilers" "LLVM/Clang 22 libraries" "clangd's gRPC/protobuf deps" \
               "test libraries" "Boost"; do
    grep -qF "  $group" "$out" || die "setup.sh as non-root did not list the group '$group'"
  done
  [ ! -e "$ROOT$SRC_IN_ROOT/build" ] || die "setup.sh as non-root created build/"
  log "ok: exit $rc, package list and install command printed"
  phase_end

  phase_start "setup.sh without dpkg/apt (a non-Debian system): must list packages and exit non-zero"
  # A PATH with everything in /usr/bin and /bin except dpkg* and apt*.
  in_root -- bash -c 'mkdir -p /tmp/no-dpkg && for f in /usr/bin/* /usr/sbin/*; do
    case ${f##*/} in dpkg*|apt*) ;; *) ln -sf "$f" /tmp/no-dpkg/ ;; esac; done'
  out=$ROOT/tmp/setup-nodpkg.out
  rc=0
  in_root --env PATH=/tmp/no-dpkg -- /bin/bash "$SRC_IN_ROOT/tools/setup.sh" > "$out" 2>&1 || rc=$?
  cat "$out"
  [ "$rc" -ne 0 ] || die "setup.sh without dpkg/apt exited 0"
  grep -q 'no dpkg/apt' "$out" && grep -q '^  sudo apt-get install --no-install-recommends .*libboost1.81-dev' "$out" \
    || die "setup.sh without dpkg/apt did not print the package list and command"
  rm -rf "$ROOT/tmp/no-dpkg"
  log "ok: exit $rc"
  phase_end

  phase_start "bash tools/demo.sh (installs the packages, configures, builds, lints examples/)"
  in_root -- bash -c "cd $SRC_IN_ROOT && bash tools/demo.sh"
  phase_end

  phase_start "bash tools/test.sh (every test)"
  in_root -- bash -c "cd $SRC_IN_ROOT && bash tools/test.sh"
  phase_end

  phase_start "setup.sh as non-root with everything installed: must build and exit 0"
  chown -R "$(in_root -- id -u "$TEST_USER"):$(in_root -- id -g "$TEST_USER")" "$ROOT$SRC_IN_ROOT"
  in_root --user "$TEST_USER" -- bash "$SRC_IN_ROOT/tools/setup.sh" > "$ROOT/tmp/setup-user.out" 2>&1 \
    || { cat "$ROOT/tmp/setup-user.out"; die "setup.sh as non-root with everything installed failed"; }
  tail -n 3 "$ROOT/tmp/setup-user.out"
  phase_end

  phase_start "cleanup"
  # The EXIT trap deletes the root; timed here so the summary shows it.
  rm -rf --one-file-system "$ROOT" && ROOT=
  phase_end
}

main "$@"
exit

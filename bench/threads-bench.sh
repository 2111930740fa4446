#!/usr/bin/env bash
# Threads, memory and cache writes of a 1,000-image run: a project of N images (default 1000), each with its own
# one-file context and a custom build command that exits at once, built (--skip-push, so no registry is needed) and
# then skipped, then skipped again under a small heap (XMX, default 64m). Samples the JVM's thread count and peak RSS
# (Threads, VmHWM in /proc/PID/status) every 0.2 s, counts the writes of the cache file and prints them with the wall
# time of each run. Every cache write is an atomic rename, so a new inode: the sampler counts inode changes (the
# engine batches writes at least 1 s apart, CacheRecorder.DEFAULT_BATCH, so a 0.2 s sampler sees each; the last one is
# compared after the exit). STRACE=1 counts the renames exactly with strace instead (much slower: every thread and
# spawned command is traced). Shows that
# the default parallelism is a cap (engine.Parallelism), not one thread per image, that the cache is written in
# batches, not once per image, and that a skip-only run fits in a small heap.
# Usage: bench/threads-bench.sh [N]     (XMX=48m bench/threads-bench.sh to try another heap bound)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
JAR=${JAR:-$PWD/cli/target/devspace-build.jar}
[ -f "$JAR" ] || mvn -B -ntp -q -DskipTests package
WORK=$(mktemp -d /tmp/devspace-build-threads.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
cd "$WORK"
printf '#!/bin/sh\nexit 0\n' > build.sh && chmod +x build.sh
{
  echo "version: v2beta1"; echo "images:"
  for i in $(seq 1 "$N"); do
    mkdir -p "s$i"; echo "$i" > "s$i/f.txt"
    printf '  s%d:\n    image: registry.example.com/team/s%d\n    context: ./s%d\n    custom:\n      command: ./build.sh\n      onChange: ["./s%d/**"]\n' "$i" "$i" "$i" "$i"
  done
} > devspace.yaml
run() { # label [java options...]
  local label=$1; shift
  local trace=() rc=0
  if [ -n "${STRACE:-}" ]; then
    trace=(strace -f -qq --seccomp-bpf -e trace=rename,renameat,renameat2 -e signal=none -o "$WORK/trace-$label.txt")
  fi
  DOCKER_HOST=tcp://127.0.0.1:1 DOCKER_CONFIG="$WORK/dc" "${trace[@]}" java "$@" -jar "$JAR" build --skip-push --no-pull-secrets -t t1 \
    > "run-$label.log" 2>&1 &
  local pid=$! jpid="" max=0 hwm=0 t h start end ino last="" inodes=0
  local cache="$WORK/.devspace/devspace-build-cache.json"
  last=$(stat -c %i "$cache" 2>/dev/null || true)
  start=$(date +%s%N)
  while kill -0 "$pid" 2>/dev/null; do
    if [ ${#trace[@]} -eq 0 ]; then jpid=$pid; elif [ -z "$jpid" ]; then jpid=$(pgrep -P "$pid" java || true); fi
    if [ -n "$jpid" ]; then
      t=$(awk '/^Threads/ {print $2}' "/proc/$jpid/status" 2>/dev/null || true)
      h=$(awk '/^VmHWM/ {print $2}' "/proc/$jpid/status" 2>/dev/null || true)
      if [ -n "$t" ] && [ "$t" -gt "$max" ]; then max=$t; fi
      if [ -n "$h" ] && [ "$h" -gt "$hwm" ]; then hwm=$h; fi
    fi
    ino=$(stat -c %i "$cache" 2>/dev/null || true)
    if [ -n "$ino" ] && [ "$ino" != "$last" ]; then inodes=$((inodes + 1)); last=$ino; fi
    sleep 0.2
  done
  wait "$pid" || rc=$?
  end=$(date +%s%N)
  ino=$(stat -c %i "$cache" 2>/dev/null || true)
  if [ -n "$ino" ] && [ "$ino" != "$last" ]; then inodes=$((inodes + 1)); fi
  local writes="$inodes (inode changes seen)"
  if [ ${#trace[@]} -gt 0 ]; then
    writes=$(grep -c 'devspace-build-cache\.json") *= 0' "$WORK/trace-$label.txt" || true)
  fi
  echo "$label: exit $rc, peak threads $max, peak RSS $(( hwm / 1024 )) MiB, cache writes $writes, wall $(( (end - start) / 1000000 )) ms, $(tail -1 "run-$label.log")"
}
echo "N=$N images, nproc=$(nproc), $(java -version 2>&1 | head -1)"
run build
run skip
run "skip-Xmx${XMX:-64m}" "-Xmx${XMX:-64m}"

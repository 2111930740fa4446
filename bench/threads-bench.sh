#!/usr/bin/env bash
# Threads of a 1,000-image run: a project of N images (default 1000), each with its own one-file context and a custom
# build command that exits at once, built (--skip-push, so no registry is needed) and then skipped. Samples the JVM's
# thread count (/proc/PID/status) every 0.2 s and prints the peak and the wall time of each run. Shows that the default
# parallelism is a cap (engine.Parallelism), not one thread per image.
# Usage: bench/threads-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
JAR=${JAR:-$PWD/cli/target/devspace-build.jar}
[ -f "$JAR" ] || mvn -B -ntp -q -DskipTests package
WORK=$(mktemp -d /tmp/devspace-build-threads.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
printf '#!/bin/sh\nexit 0\n' > build.sh && chmod +x build.sh
{
  echo "version: v2beta1"; echo "images:"
  for i in $(seq 1 "$N"); do
    mkdir -p "s$i"; echo "$i" > "s$i/f.txt"
    printf '  s%d:\n    image: registry.example.com/team/s%d\n    context: ./s%d\n    custom:\n      command: ./build.sh\n' "$i" "$i" "$i"
  done
} > devspace.yaml
run() { # label
  DOCKER_HOST=tcp://127.0.0.1:1 DOCKER_CONFIG="$WORK/dc" java -jar "$JAR" build --skip-push --no-pull-secrets -t t1 > "run-$1.log" 2>&1 &
  local pid=$! max=0 t start end
  start=$(date +%s%N)
  while kill -0 "$pid" 2>/dev/null; do
    t=$(awk '/^Threads/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$t" ] && [ "$t" -gt "$max" ]; then max=$t; fi
    sleep 0.2
  done
  end=$(date +%s%N)
  echo "$1: peak threads $max, wall $(( (end - start) / 1000000 )) ms, $(tail -1 "run-$1.log")"
}
echo "N=$N images, nproc=$(nproc)"
run build
run skip

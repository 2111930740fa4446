#!/usr/bin/env bash
# Build benchmarks for the Docker builder, against the local daemon and registry (.ci/services.sh):
#   1. four images whose builds each spend a few seconds in RUN: parallel (default) vs --build-sequential,
#      once with RUN steps that wait (sleep, like downloads) and once with RUN steps that compute (CPU-bound).
#      Each image's RUN differs (and a per-run build argument is in it), so the daemon's layer cache never
#      lets one image reuse another's work.
#   2. the same Dockerfile and context built by devspace-build (forced, no push) vs `docker build` with the CLI
#   3. a skip-only run of the bundled example (nothing changed)
# Each figure is the median of REPS runs, alternating the two sides, measured in the same run.
# Usage: bench/build-bench.sh [REPS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
JAR=${JAR:-$PWD/cli/target/devspace-build.jar}
bash .ci/services.sh >/dev/null
[ -f "$JAR" ] || mvn -B -ntp -q -DskipTests package
REG=127.0.0.1:5000
CREDS="$REG=devspace:/tmp/devspace-build-services/registry-password"
WORK=$(mktemp -d /tmp/devspace-build-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

# ---------------------------------------------------------------- 1. parallel vs sequential
make_four() { # dir kind
  local dir=$1 kind=$2
  mkdir -p "$dir"
  {
    echo "version: v2beta1"
    echo "images:"
    for i in 1 2 3 4; do
      mkdir -p "$dir/svc$i"
      if [ "$kind" = sleep ]; then
        printf 'FROM busybox-local:1\nARG NONCE\nRUN echo "svc%s $NONCE" && sleep 4\n' "$i" >"$dir/svc$i/Dockerfile"
      else
        printf 'FROM busybox-local:1\nARG NONCE\nRUN echo "svc%s $NONCE" && i=0 && while [ $i -lt 1500000 ]; do i=$((i+1)); done\n' "$i" >"$dir/svc$i/Dockerfile"
      fi
      echo "svc $i" >"$dir/svc$i/data.txt"
      echo "  svc$i:"
      echo "    image: $REG/bench/$kind-svc$i"
      echo "    context: ./svc$i"
      echo "    dockerfile: ./svc$i/Dockerfile"
      echo "    buildArgs: {NONCE: \"\${NONCE}\"}"
    done
  } >"$dir/devspace.yaml"
}

run_four() { # dir extra-args... ; prints ms
  local dir=$1; shift
  local t0 t1
  t0=$(now)
  (cd "$dir" && java -jar "$JAR" build --root . -b --registry-credentials "$CREDS" --var NONCE="$RANDOM$RANDOM" "$@" >"$WORK/last.log" 2>&1) \
    || { cat "$WORK/last.log" >&2; exit 1; }
  t1=$(now)
  ms "$t0" "$t1"
}

declare -A PAR SEQ
for kind in sleep cpu; do
  make_four "$WORK/$kind" "$kind"
  run_four "$WORK/$kind" >/dev/null # warm-up (base image layers, registry repositories)
  par=(); seq=()
  for _ in $(seq 1 "$REPS"); do
    par+=("$(run_four "$WORK/$kind")")
    seq+=("$(run_four "$WORK/$kind" --build-sequential)")
  done
  PAR[$kind]=$(printf '%s\n' "${par[@]}" | median)
  SEQ[$kind]=$(printf '%s\n' "${seq[@]}" | median)
done

# ---------------------------------------------------------------- 2. overhead against docker build
CTX=$WORK/overhead
mkdir -p "$CTX/app/src"
for d in $(seq 1 40); do
  mkdir -p "$CTX/app/src/mod$d"
  for f in $(seq 1 50); do
    head -c $(( (d * 977 + f * 131) % 20000 + 200 )) /dev/zero | tr '\0' "$(printf "\\$(printf '%03o' $(( 97 + (d + f) % 26 )))")" \
      >"$CTX/app/src/mod$d/file$f.txt"
  done
done
head -c 20000000 /dev/zero | tr '\0' 'x' >"$CTX/app/big.bin"
printf 'FROM busybox-local:1\nCOPY . /app\nRUN find /app -type f | wc -l\n' >"$CTX/app/Dockerfile"
printf 'version: v2beta1\nimages:\n  app:\n    image: %s/bench/overhead\n    context: ./app\n    dockerfile: ./app/Dockerfile\n' "$REG" >"$CTX/devspace.yaml"
files=$(find "$CTX/app" -type f | wc -l); bytes=$(du -sb "$CTX/app" | cut -f1)
ours_once() {
  local t0 t1; t0=$(now)
  (cd "$CTX" && java -jar "$JAR" build --root . -b --skip-push -t bench >"$WORK/last.log" 2>&1) || { cat "$WORK/last.log" >&2; exit 1; }
  t1=$(now); ms "$t0" "$t1"
}
docker_once() {
  local t0 t1; t0=$(now)
  DOCKER_BUILDKIT=0 docker build -q -t "$REG/bench/overhead:cli" "$CTX/app" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  t1=$(now); ms "$t0" "$t1"
}
ours_once >/dev/null; docker_once >/dev/null
o=(); d=()
for _ in $(seq 1 "$REPS"); do o+=("$(ours_once)"); d+=("$(docker_once)"); done
OURS=$(printf '%s\n' "${o[@]}" | median); DOCKER=$(printf '%s\n' "${d[@]}" | median)
jvm0=$(now); java -jar "$JAR" --version >/dev/null; jvm1=$(now); JVM=$(ms "$jvm0" "$jvm1")

# ---------------------------------------------------------------- 3. skip-only run of the example
EX=$WORK/example
cp -r examples/monorepo "$EX"
(cd "$EX" && java -jar "$JAR" build --root . --var REGISTRY=$REG/bench-skip --registry-credentials "$CREDS" >"$WORK/last.log" 2>&1) \
  || { cat "$WORK/last.log" >&2; exit 1; }
s=()
for _ in $(seq 1 $(( REPS + 2 ))); do
  t0=$(now)
  (cd "$EX" && java -jar "$JAR" build --root . --var REGISTRY=$REG/bench-skip --registry-credentials "$CREDS" >"$WORK/last.log" 2>&1)
  t1=$(now)
  grep -q "0 built, 3 skipped" "$WORK/last.log" || { cat "$WORK/last.log" >&2; exit 1; }
  s+=("$(ms "$t0" "$t1")")
done
SKIP=$(printf '%s\n' "${s[@]}" | median)

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), docker $(docker version --format '{{.Server.Version}}'), $(java -version 2>&1 | head -1)"
echo "medians of $REPS runs (ms)"
printf '%-58s %10s %10s %8s\n' "benchmark" "ours" "baseline" "ratio"
for kind in sleep cpu; do
  printf '%-58s %10s %10s %8s\n' "1. 4 images, RUN $kind: parallel vs --build-sequential" "${PAR[$kind]}" "${SEQ[$kind]}" "$(ratio "${SEQ[$kind]}" "${PAR[$kind]}")x"
done
printf '%-58s %10s %10s %8s\n' "2. $files files, $((bytes / 1000000)) MB context: ours vs docker build" "$OURS" "$DOCKER" "$(ratio "$OURS" "$DOCKER")"
printf '%-58s %10s\n' "   (JVM start of the jar, included in ours)" "$JVM"
printf '%-58s %10s\n' "3. skip-only run of examples/monorepo (3 images)" "$SKIP"
echo "ratio 1: sequential/parallel (higher is better); ratio 2: ours/docker (lower is better, 1.00 = same)"

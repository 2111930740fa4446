#!/usr/bin/env bash
# The embedded builder (jib-core, no daemon) against `docker build` (classic builder, DOCKER_BUILDKIT=0) on the bundled
# example's three images, same Dockerfiles and contexts, in the same run (.ci/services.sh provides daemon and registry):
#   1. build only:   devspace-build build -b --skip-push (embedded: docker-load tarballs)
#                    vs the three `docker build --no-cache` at once (images in the daemon)
#   2. build + push: devspace-build build -b (embedded, pushes with credentials)
#                    vs the three `docker build --no-cache && docker push` at once
#   3. the same two, the engine called REPS more times in one JVM that already built once (a long-running Jenkins
#      agent): jib's class loading and first-use costs are paid once per JVM
# Ours in 1 and 2 is the whole command (JVM start, config, hashing, cache, build, push); its JVM start is shown too.
# Each figure is the median of REPS runs, alternating the two sides, after one warm-up run of each.
# Usage: bench/embedded-bench.sh [REPS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-5}
JAR=${JAR:-$PWD/cli/target/devspace-build.jar}
bash .ci/services.sh >/dev/null
[ -f "$JAR" ] || mvn -B -ntp -q -DskipTests package
REG=127.0.0.1:5000
PASSWORD_FILE=/tmp/devspace-build-services/registry-password
CREDS="$REG=devspace:$PASSWORD_FILE"
NS=bench-embedded-$$
WORK=$(mktemp -d /tmp/devspace-build-embedded-bench.XXXXXX)
export DOCKER_CONFIG=$WORK/docker-config DOCKER_BUILDKIT=0
cleanup() {
  # every image of this run, also those a later --no-cache build untagged
  docker images --format '{{.ID}} {{.Repository}}' | awk -v r="$REG/$NS/" 'index($2, r) == 1 {print $1}' | sort -u \
    | xargs -r docker rmi -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$DOCKER_CONFIG"
docker login -u devspace --password-stdin "$REG" <"$PASSWORD_FILE" >/dev/null 2>&1

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

EX=$WORK/monorepo
cp -r examples/monorepo "$EX"
sed -i 's|^    image: \${REGISTRY}/monorepo/|    embedded: {}\n    image: ${REGISTRY}/monorepo/|' "$EX/devspace.yaml"
[ "$(grep -c 'embedded: {}' "$EX/devspace.yaml")" = 3 ] || { echo "could not switch the example to the embedded builder" >&2; exit 1; }

ours_once() { # extra args...; prints ms
  local t0 t1; t0=$(now)
  (cd "$EX" && java -jar "$JAR" build --root . -b --var REGISTRY="$REG/$NS" --registry-credentials "$CREDS" "$@" >"$WORK/last.log" 2>&1) \
    || { cat "$WORK/last.log" >&2; exit 1; }
  t1=$(now)
  grep -q "3 built, 0 skipped, 0 failed" "$WORK/last.log" || { cat "$WORK/last.log" >&2; exit 1; }
  grep -q "building with the embedded builder" "$WORK/last.log" || { echo "not the embedded builder" >&2; exit 1; }
  ms "$t0" "$t1"
}

docker_one() { # key dockerfile context push [build-arg]
  local key=$1 df=$2 ctx=$3 push=$4; shift 4
  local ref="$REG/$NS/docker/$key:bench"
  docker build --no-cache -q -f "$EX/$df" -t "$ref" "$@" "$EX/$ctx" >"$WORK/docker-$key.log" 2>&1
  if [ "$push" = push ]; then docker push -q "$ref" >>"$WORK/docker-$key.log" 2>&1; fi
}

docker_once() { # push|nopush; prints ms
  local t0 t1 rc=0; t0=$(now)
  docker_one api services/api/Dockerfile services/api "$1" --build-arg SERVICE_VERSION=1.4.2 & local a=$!
  docker_one web services/web/Dockerfile services/web "$1" & local w=$!
  docker_one worker docker/worker.Dockerfile services/worker "$1" & local k=$!
  wait $a || rc=1; wait $w || rc=1; wait $k || rc=1
  t1=$(now)
  [ $rc = 0 ] || { cat "$WORK"/docker-*.log >&2; exit 1; }
  ms "$t0" "$t1"
}

declare -A OURS DOCKER
for mode in nopush push; do
  if [ $mode = nopush ]; then extra=(--skip-push); else extra=(); fi
  ours_once "${extra[@]}" >/dev/null; docker_once $mode >/dev/null # warm-up
  o=(); d=()
  for _ in $(seq 1 "$REPS"); do
    o+=("$(ours_once "${extra[@]}")")
    d+=("$(docker_once $mode)")
  done
  OURS[$mode]=$(printf '%s\n' "${o[@]}" | median)
  DOCKER[$mode]=$(printf '%s\n' "${d[@]}" | median)
  echo "$mode: ours ${o[*]} ms; docker ${d[*]} ms" >&2
done
jvm0=$(now); java -jar "$JAR" --version >/dev/null; jvm1=$(now); JVM=$(ms "$jvm0" "$jvm1")

# the engine in one JVM: one cold run, then REPS timed runs per mode (Java's single-file launcher, the jar as class path)
cat >"$WORK/Warm.java" <<'JAVA'
import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class Warm {
    public static void main(String[] a) throws Exception {
        Path yaml = Path.of(a[0], "devspace.yaml");
        String reg = a[1];
        int reps = Integer.parseInt(a[3]);
        StaticCredentials creds = new StaticCredentials(Map.of(reg, new RegistryCredential(reg, "devspace",
                Password.of(Files.readString(Path.of(a[4])).trim()), "bench")), null);
        for (boolean skipPush : new boolean[] {true, false}) {
            StringBuilder times = new StringBuilder(skipPush ? "nopush" : "push");
            for (int i = 0; i <= reps; i++) {
                RunOptions o = RunOptions.builder(yaml).variables(Map.of("REGISTRY", reg + "/" + a[2])).forceBuild(true)
                        .skipPush(skipPush).build();
                long t0 = System.nanoTime();
                if (new BuildEngine(EngineSettings.of(System.getenv(), creds, e -> { })).build(o).failed()) {
                    throw new IllegalStateException("a build failed");
                }
                if (i > 0) {
                    times.append(' ').append((System.nanoTime() - t0) / 1_000_000);
                }
            }
            System.out.println(times);
        }
    }
}
JAVA
java -cp "$JAR" "$WORK/Warm.java" "$EX" "$REG" "$NS" "$REPS" "$PASSWORD_FILE" >"$WORK/warm.txt"
WARM_NOPUSH=$(grep '^nopush' "$WORK/warm.txt" | cut -d' ' -f2- | tr ' ' '\n' | median)
WARM_PUSH=$(grep '^push' "$WORK/warm.txt" | cut -d' ' -f2- | tr ' ' '\n' | median)
sed 's/^/warm /' "$WORK/warm.txt" >&2

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), docker $(docker version --format '{{.Server.Version}}'), $(java -version 2>&1 | head -1)"
echo "examples/monorepo, 3 images (api, web, worker), all forced; medians of $REPS runs (ms)"
printf '%-62s %8s %8s %7s\n' "benchmark" "embedded" "docker" "ratio"
printf '%-62s %8s %8s %7s\n' "1. build only (embedded: tarballs; docker: images in the daemon)" "${OURS[nopush]}" "${DOCKER[nopush]}" \
  "$(ratio "${OURS[nopush]}" "${DOCKER[nopush]}")"
printf '%-62s %8s %8s %7s\n' "2. build + push to $REG with credentials" "${OURS[push]}" "${DOCKER[push]}" \
  "$(ratio "${OURS[push]}" "${DOCKER[push]}")"
printf '%-62s %8s\n' "   (JVM start of the jar, included in embedded)" "$JVM"
printf '%-62s %8s %8s %7s\n' "3. build only, in a warm JVM" "$WARM_NOPUSH" "${DOCKER[nopush]}" "$(ratio "$WARM_NOPUSH" "${DOCKER[nopush]}")"
printf '%-62s %8s %8s %7s\n' "   build + push, in a warm JVM" "$WARM_PUSH" "${DOCKER[push]}" "$(ratio "$WARM_PUSH" "${DOCKER[push]}")"
echo "ratio: embedded/docker (lower is better, 1.00 = same); docker runs the three builds at once, as the engine does"

#!/usr/bin/env bash
# Skip-path benchmark (issue 11): how long a skip-only `devspace-build build --skip-push` takes on a 20,000-file,
# ~550 MB context (10% of the files excluded by .dockerignore) in a git repository, against the baseline
#   find CTX -type f -printf '%P %s %T@\n' | sha256sum
# Cases, alternating within each repetition, medians over the repetitions:
#   A  kept workspace: nothing changed since the last run (the stat cache vouches)
#   B  fresh clone: `git clone` of the repository to a new path (not timed), then the run with the first run's cache
#      (the clone's git index vouches; no stat cache yet)
#   C  one file changed (same size) in the kept workspace: the run must build, naming the file's directory
# each once as a CLI run (JVM start included) and once in a warm JVM (bench/WarmEngine.java, as on a Jenkins agent).
# The image uses a custom builder whose command is `true`: no daemon, and the skip needs no registry check
# (--skip-push), so the figures are about the skip path itself. It names `onChange: ["./ctx/**"]`: without onChange a
# custom builder always rebuilds (DevSpace's rule); with it the files the glob names decide the skip (all 20,000,
# including the ones .dockerignore leaves out of the build context). See bench/README.md.
#
# Usage: bench/skip-bench.sh [--jar PATH] [--files N] [--size-mib N] [--reps N] [--seed S] [--dir DIR] [--keep]
# The CLI runs use the launcher next to the jar (cli/target/devspace-build, with the AppCDS archive recorded at package
# time) when it is there, else `java -jar`; one more row runs `java -jar` for comparison.
# Environment: JAVA (java binary of the warm JVM and java -jar), BENCH_JAVA_OPTS (JVM options of the CLI runs).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo_root/cli/target/devspace-build.jar"
files=20000
size_mib=525
reps=5
seed=11
dir=""
keep=0
java="${JAVA:-java}"
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --jar) jar="$2"; shift 2 ;;
        --files) files="$2"; shift 2 ;;
        --size-mib) size_mib="$2"; shift 2 ;;
        --reps) reps="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --dir) dir="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for v in files size_mib reps seed; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "--${v//_/-} must be a non-negative integer, got '${!v}'" >&2; exit 2; }
done
(( reps >= 1 )) || { echo "--reps must be at least 1" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "jar not found: $jar (build it: mvn -B -ntp -pl cli -am package -DskipTests)" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
for tool in git openssl base64 dd find sha256sum awk "$java"; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
if [[ -z "$dir" ]]; then dir="$(mktemp -d /tmp/skip-bench.XXXXXX)"; else mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"; fi
warm_pid=""
cleanup() {
    [[ -n "$warm_pid" ]] && kill "$warm_pid" 2>/dev/null || true
    if [[ "$keep" == 1 ]]; then echo "kept $dir"; else rm -rf -- "$dir"; fi
}
trap cleanup EXIT
root="$dir/project"   # the git repository: devspace.yaml, ctx/ (the context)
ctx="$root/ctx"
clone="$dir/clone"

# ---------------------------------------------------------------- the tree (same generator idea as hash-bench.sh)
# small text files (97.6%, every 10th one a .log that .dockerignore excludes), medium binaries (2.2%), 40 large ones
rnd() { lcg=$(( (lcg * 1103515245 + 12345) % 2147483648 )); r=$(( lcg >> 7 )); }
make_manifest() {
    local n_large=40 n_medium n_small sum=0 remaining size i ext
    n_medium=$(( files * 22 / 1000 )); n_small=$(( files - n_large - n_medium ))
    lcg=$(( seed % 2147483648 ))
    for (( i = 0; i < n_small; i++ )); do
        rnd; size=$(( 100 + (32668 * r / 16777216) * (r / 65536) / 256 * (r / 65536) / 256 ))
        sum=$(( sum + size )); ext=txt; (( i % 10 == 9 )) && ext=log
        printf 't %d src/m%02d/p%02d/File%05d.%s\n' "$size" $(( i / 4096 )) $(( i / 64 % 64 )) "$i" "$ext"
    done
    for (( i = 0; i < n_medium; i++ )); do
        rnd; size=$(( 65536 + 983040 * r / 16777216 )); sum=$(( sum + size ))
        printf 'b %d assets/d%02d/asset%04d.bin\n' "$size" $(( i / 64 )) "$i"
    done
    remaining=$(( size_mib * 1024 * 1024 - sum ))
    (( remaining >= n_large * 1048576 )) || { echo "--size-mib $size_mib is too small for $files files" >&2; return 2; }
    for (( i = 0; i < n_large; i++ )); do
        if (( i == n_large - 1 )); then size=$remaining; else rnd; size=$(( remaining / (n_large - i) * (r / 65536 + 128) / 256 )); fi
        remaining=$(( remaining - size ))
        printf 'b %d blobs/blob%02d.bin\n' "$size" "$i"
    done
}
keystream() { openssl enc -aes-128-ctr -nosalt -K "$key" -iv "$1" -in /dev/zero 2>/dev/null; }
generate() {
    local kind size path fd
    awk -v ctx="$ctx" '{ sub(/\/[^\/]*$/, "", $3); print ctx "/" $3 }' "$dir/manifest" | sort -u | xargs mkdir -p
    key="$(printf 'skip-bench-%s' "$seed" | sha256sum | cut -c1-32)"
    exec 3< <(keystream 00000000000000000000000000000001 | base64 -w 76)
    exec 4< <(keystream 00000000000000000000000000000002)
    while read -r kind size path; do
        if [[ "$kind" == t ]]; then fd=3; else fd=4; fi
        dd of="$ctx/$path" bs=1M count="$size" iflag=count_bytes,fullblock status=none <&"$fd"
    done <"$dir/manifest"
    exec 3<&- 4<&-
    printf 'FROM scratch\nCOPY . /app\n' >"$ctx/Dockerfile"
    printf '*.log\n**/*.log\n' >"$ctx/.dockerignore"
    printf '.devspace/\n' >"$root/.gitignore"
    printf '%s\n' 'version: v2beta1' 'images:' '  ctx:' '    image: bench/ctx' '    context: ./ctx' '    dockerfile: ./ctx/Dockerfile' \
        '    custom:' '      command: "true"' '      onChange: ["./ctx/**"]' >"$root/devspace.yaml"
}
params="seed=$seed size_mib=$size_mib files=$files generator=1"
if [[ -f "$dir/params" && "$(cat "$dir/params")" == "$params" && -d "$root/.git" ]]; then
    echo "reusing the tree in $root"
    rm -rf "$root/.devspace" "$clone"
    git -C "$root" checkout -q -- . && git -C "$root" clean -qfdx -e .devspace
else
rm -rf "$root" "$clone"
mkdir -p "$ctx"
make_manifest >"$dir/manifest"
echo "generating $(wc -l <"$dir/manifest") files, $(awk '{ s += $2 } END { printf "%d", s }' "$dir/manifest") bytes in $ctx ..."
t0=$(date +%s)
generate
git_q() { git -C "$1" -c user.name=bench -c user.email=bench@example.com -c core.autocrlf=false -c core.looseCompression=1 "${@:2}"; }
git_q "$root" init -q
git -C "$root" config gc.auto 0   # no background repack of the 550 MB during the measurements
git_q "$root" add -A
git_q "$root" commit -q -m "bench tree"
echo "generated and committed in $(( $(date +%s) - t0 )) s; $(find "$ctx" -type f | wc -l) files, $(find "$ctx" -type f -name '*.log' | wc -l) excluded; disk: $(du -sh "$dir" | cut -f1)"
echo "$params" >"$dir/params"
fi

# ---------------------------------------------------------------- the runs
# the CLI as users start it: the launcher next to the jar (AppCDS archive), else java -jar
launcher="$(dirname "$jar")/devspace-build"
if [[ -x "$launcher" && -f "${jar%.jar}.jsa" ]]; then cli_cmd=("$launcher"); cli_name="launcher with AppCDS"; else cli_cmd=("$java" -jar "$jar"); cli_name="java -jar"; fi
plain_cmd=("$java" -jar "$jar")
cli() { cli_with "${cli_cmd[@]}" -- "$@"; }
plain() { cli_with "${plain_cmd[@]}" -- "$@"; }
cli_with() { # cli_with COMMAND... -- CONFIG CACHE: one CLI run; prints "ms cpu_s output"
    local cmd=() t0 t1 cpu
    while [[ "$1" != -- ]]; do cmd+=("$1"); shift; done; shift
    TIMEFORMAT='%3U %3S'
    t0=$(date +%s%N)
    cpu=$( { time JAVA_OPTS="${BENCH_JAVA_OPTS:-}" "${cmd[@]}" build --skip-push --no-pull-secrets -t bench -f "$1" --root "$(dirname "$1")" --cache "$2" >"$dir/cli.out" 2>&1; } 2>&1 )
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 )) $(awk '{ printf "%.2f", $1 + $2 }' <<<"$cpu") $(tr '\n' ' ' <"$dir/cli.out")"
}
coproc WARM { "$java" -cp "$jar" "$repo_root/bench/WarmEngine.java"; }
warm_pid=$WARM_PID
warm() { echo "run $1 $2" >&"${WARM[1]}"; local l; read -r l <&"${WARM[0]}"; echo "$l"; }
find_baseline() {
    local t0 t1; t0=$(date +%s%N)
    find "$ctx" -type f -printf '%P %s %T@\n' | sha256sum >/dev/null
    t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 ))
}
fresh_clone() { rm -rf "$clone"; git clone -q "$root" "$clone"; mkdir -p "$clone/.devspace"; cp "$dir/first-cache.json" "$clone/.devspace/cache.json"; }
changed=$(awk '$3 ~ /\.txt$/ { t[++n] = $3 } END { print t[int(n / 2) + 1] }' "$dir/manifest")   # a text file in the middle
changed_dir="ctx/${changed%/*}/"   # onChange paths are relative to devspace.yaml
cp "$ctx/$changed" "$dir/changed.orig"
change() { printf '%08d' "$1" | dd of="$ctx/$changed" bs=8 count=1 conv=notrunc status=none; cp "$dir/first-cache.json" "$dir/c-cache.json"; }
restore() { cp "$dir/changed.orig" "$ctx/$changed"; }
expect() { # expect NAME LINE WORD [REASON]
    grep -q -- "$3" <<<"$2" || { echo "$1: expected $3 in: $2" >&2; exit 1; }
    [[ -z "${4:-}" ]] || grep -q -- "$4" <<<"$2" || { echo "$1: expected reason '$4' in: $2" >&2; exit 1; }
}

echo "first run (builds, writes the cache and the stat cache) ..."
first=$(cli "$root/devspace.yaml" "$root/.devspace/devspace-build-cache.json"); echo "  $first"
cp "$root/.devspace/devspace-build-cache.json" "$dir/first-cache.json"
find "$ctx" -type f -print0 | xargs -0 cat >/dev/null    # warm page cache
for i in 1 2 3; do w=$(warm "$root/devspace.yaml" "$root/.devspace/devspace-build-cache.json"); done   # warm the JVM
echo "  warm-up: $w"
jvm_start() { local t0 t1; t0=$(date +%s%N); "${cli_cmd[@]}" --version >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

rm -f "$dir"/*.ms "$dir"/*.cpu
for (( i = 1; i <= reps; i++ )); do
    cases=(find jvm A_cli A_warm B_cli B_warm C_cli C_warm A_plain)
    (( i % 2 == 0 )) && cases=(A_plain C_warm C_cli B_warm B_cli A_warm A_cli jvm find)
    line="rep $i/$reps:"
    for c in "${cases[@]}"; do
        case "$c" in
            find) r=$(find_baseline) ;;
            jvm) r=$(jvm_start) ;;
            A_cli) r=$(cli "$root/devspace.yaml" "$root/.devspace/devspace-build-cache.json"); expect A "$r" skipped ;;
            A_plain) r=$(plain "$root/devspace.yaml" "$root/.devspace/devspace-build-cache.json"); expect A "$r" skipped ;;
            A_warm) r=$(warm "$root/devspace.yaml" "$root/.devspace/devspace-build-cache.json"); expect A "$r" SKIPPED ;;
            B_cli) fresh_clone; r=$(cli "$clone/devspace.yaml" "$clone/.devspace/cache.json"); expect B "$r" skipped ;;
            B_warm) fresh_clone; r=$(warm "$clone/devspace.yaml" "$clone/.devspace/cache.json"); expect B "$r" SKIPPED ;;
            C_cli) change "$i"; r=$(cli "$root/devspace.yaml" "$dir/c-cache.json"); restore; expect C "$r" built "context changed: $changed_dir" ;;
            C_warm) change "$(( i + 100 ))"; r=$(warm "$root/devspace.yaml" "$dir/c-cache.json"); restore; expect C "$r" BUILT "context changed: $changed_dir" ;;
        esac
        set -- $r
        echo "$1" >>"$dir/$c.ms"
        [[ "$c" == *_cli || "$c" == A_plain ]] && echo "$2" >>"$dir/$c.cpu"
        line+=" $c ${1}ms"
    done
    echo "$line"
done
echo "last outputs: A_cli: $(cli "$root/devspace.yaml" "$root/.devspace/devspace-build-cache.json" | cut -c1-200)"

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
f=$(median "$dir/find.ms")
echo
echo "CLI: $cli_name; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $("$java" -version 2>&1 | head -n1), git $(git --version | cut -d' ' -f3)${BENCH_JAVA_OPTS:+, JVM options: $BENCH_JAVA_OPTS}"
echo "context: $(find "$ctx" -type f | wc -l) files ($(find "$ctx" -type f -name '*.log' | wc -l) excluded), $(du -sb "$ctx" | cut -f1) bytes; $reps repetitions, alternating; medians"
printf '| %-44s | %9s | %7s | %10s |\n' case "wall (ms)" "CPU (s)" "x find"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-----------" "---------" "------------"
row() { printf '| %-44s | %9s | %7s | %10s |\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$f" 'BEGIN { printf "%.2f", a / b }')"; }
row "find | sha256sum (baseline)" "$f" ""
row "CLI start (--version, $cli_name)" "$(median "$dir/jvm.ms")" ""
row "A kept workspace, CLI" "$(median "$dir/A_cli.ms")" "$(median "$dir/A_cli.cpu")"
row "A kept workspace, CLI as java -jar (no AppCDS)" "$(median "$dir/A_plain.ms")" "$(median "$dir/A_plain.cpu")"
row "B fresh clone, CLI" "$(median "$dir/B_cli.ms")" "$(median "$dir/B_cli.cpu")"
row "C one file changed, CLI" "$(median "$dir/C_cli.ms")" "$(median "$dir/C_cli.cpu")"
row "A kept workspace, warm JVM" "$(median "$dir/A_warm.ms")" ""
row "B fresh clone, warm JVM" "$(median "$dir/B_warm.ms")" ""
row "C one file changed, warm JVM" "$(median "$dir/C_warm.ms")" ""

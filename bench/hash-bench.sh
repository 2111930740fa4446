#!/usr/bin/env bash
# Context hashing benchmark: `devspace-build plan` (walk + SHA-256 of every file of a build context) against
#   find CTX -type f -print0 | xargs -0 -P2 sha256sum
# on the same generated tree, in the same run, alternating, with a warm page cache. See bench/README.md.
#
# Usage: bench/hash-bench.sh [--jar PATH] [--size-mib N] [--files N] [--reps N] [--seed S] [--dir DIR] [--keep]
#                            [--idle-wait SECONDS]
# Each option can also be set in the environment: BENCH_JAR, BENCH_SIZE_MIB, BENCH_FILES, BENCH_REPS, BENCH_SEED,
# BENCH_DIR, BENCH_KEEP=1, BENCH_IDLE_WAIT. JAVA selects the java binary; BENCH_JAVA_OPTS adds JVM options to our runs.
# --dir naming a tree kept (--keep) by an earlier run with the same seed/size/files reuses it instead of generating.
# Before each timed run the script waits up to --idle-wait seconds (default 60) for the machine to be idle; it measures
# the CPU time other processes used during each timed run ("foreign CPU"), repeats a run (up to twice) when that was
# more than 0.5 s, since it skews the wall time, and reports what it kept.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${BENCH_JAR:-$repo_root/cli/target/devspace-build.jar}"
size_mib="${BENCH_SIZE_MIB:-1100}"   # total bytes of the tree in MiB (default: 1.15 GB, more than 1 GiB)
files="${BENCH_FILES:-20480}"        # number of regular files
reps="${BENCH_REPS:-3}"
seed="${BENCH_SEED:-42}"
dir="${BENCH_DIR:-}"
keep="${BENCH_KEEP:-0}"
idle_wait="${BENCH_IDLE_WAIT:-60}"
java="${JAVA:-java}"
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --jar) jar="$2"; shift 2 ;;
        --size-mib) size_mib="$2"; shift 2 ;;
        --files) files="$2"; shift 2 ;;
        --reps) reps="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --dir) dir="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        --idle-wait) idle_wait="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for v in size_mib files reps seed idle_wait; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "${v//_/-} must be a non-negative integer, got '${!v}'" >&2; exit 2; }
done
(( reps >= 1 )) || { echo "--reps must be at least 1" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "jar not found: $jar (build it with: mvn -B -DskipTests package)" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
for tool in openssl base64 dd find xargs sha256sum shuf awk "$java"; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

# ---------------------------------------------------------------- the tree
# Layout: ROOT/devspace.yaml, ROOT/Dockerfile (outside the context) and ROOT/ctx/ holding
#   small  files (97.6%): 100 B .. 32 KiB, most of them small (size ~ r^3), base64 text, 64 per directory (src/)
#   medium files (2.2%) : 64 KiB .. 1 MiB, binary (assets/)
#   large  files (40)   : multi-MB binary (about 8-26 MiB at the default size) filling the rest of the budget (blobs/)
# Sizes come from an LCG seeded with --seed and contents from AES-128-CTR keystreams keyed by the seed, so one
# (seed, size, files) always gives the same tree, byte for byte; the plan's contextHash, printed below, shows it.
params="seed=$seed size_mib=$size_mib files=$files generator=1"
reuse=0
if [[ -z "$dir" ]]; then
    dir="$(mktemp -d /tmp/hash-bench.XXXXXX)"
else
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [[ -f "$dir/params" && "$(cat "$dir/params")" == "$params" ]]; then
        reuse=1
    elif [[ -n "$(ls -A "$dir")" ]]; then
        echo "--dir $dir must be empty or hold a tree kept by a run with the same seed/size/files" >&2
        exit 2
    fi
fi
cleanup() {
    if [[ "$keep" == 1 ]]; then
        echo "kept the tree in $dir"
    else
        rm -rf -- "$dir"
    fi
}
trap cleanup EXIT
ctx="$dir/ctx"
manifest="$dir/manifest"   # one "kind size path" line per file; kind t = text, b = binary

make_manifest() {
    local n_large=40 n_medium n_small total_target sum=0 remaining size i
    n_medium=$(( files * 22 / 1000 ))
    n_small=$(( files - n_large - n_medium ))
    (( n_small > 0 )) || { echo "--files must be at least $(( n_large + n_medium + 1 ))" >&2; return 2; }
    total_target=$(( size_mib * 1024 * 1024 ))
    lcg=$(( seed % 2147483648 ))
    for (( i = 0; i < n_small; i++ )); do
        rnd; size=$(( 100 + (32668 * r / 16777216) * (r / 65536) / 256 * (r / 65536) / 256 ))
        sum=$(( sum + size ))
        printf 't %d src/m%02d/p%02d/File%05d.txt\n' "$size" $(( i / 4096 )) $(( i / 64 % 64 )) "$i"
    done
    for (( i = 0; i < n_medium; i++ )); do
        rnd; size=$(( 65536 + 983040 * r / 16777216 ))
        sum=$(( sum + size ))
        printf 'b %d assets/d%02d/asset%04d.bin\n' "$size" $(( i / 64 )) "$i"
    done
    remaining=$(( total_target - sum ))
    (( remaining >= n_large * 1048576 )) || { echo "--size-mib $size_mib is too small for $files files" >&2; return 2; }
    for (( i = 0; i < n_large; i++ )); do
        if (( i == n_large - 1 )); then
            size=$remaining
        else
            rnd; size=$(( remaining / (n_large - i) * (r / 65536 + 128) / 256 ))   # 0.5x .. 1.5x an even share
        fi
        remaining=$(( remaining - size ))
        printf 'b %d blobs/blob%02d.bin\n' "$size" "$i"
    done
}
rnd() { lcg=$(( (lcg * 1103515245 + 12345) % 2147483648 )); r=$(( lcg >> 7 )); }   # r in [0, 2^24)

keystream() { openssl enc -aes-128-ctr -nosalt -K "$key" -iv "$1" -in /dev/zero 2>/dev/null; }
generate() {
    local kind size path fd
    awk -v ctx="$ctx" '{ sub(/\/[^\/]*$/, "", $3); print ctx "/" $3 }' "$manifest" | sort -u | xargs mkdir -p
    key="$(printf 'hash-bench-%s' "$seed" | sha256sum | cut -c1-32)"
    exec 3< <(keystream 00000000000000000000000000000001 | base64 -w 76)   # text, for the small files
    exec 4< <(keystream 00000000000000000000000000000002)                  # binary, for the others
    while read -r kind size path; do
        if [[ "$kind" == t ]]; then fd=3; else fd=4; fi
        dd of="$ctx/$path" bs=1M count="$size" iflag=count_bytes,fullblock status=none <&"$fd"
    done <"$manifest"
    exec 3<&- 4<&-
    echo 'FROM scratch' >"$dir/Dockerfile"
    printf '%s\n' 'version: v2beta1' 'images:' '  ctx:' '    image: bench/ctx' '    context: ./ctx' \
        '    dockerfile: ./Dockerfile' >"$dir/devspace.yaml"
}

if [[ "$reuse" == 0 ]]; then
    make_manifest >"$manifest"
fi
total_files=$(wc -l <"$manifest")
total_bytes=$(awk '{ s += $2 } END { printf "%d", s }' "$manifest")
if [[ "$reuse" == 1 ]]; then
    echo "reusing the tree in $ctx: $total_files files, $total_bytes bytes (seed $seed)"
else
    echo "generating $total_files files, $total_bytes bytes in $ctx (seed $seed) ..."
    gen_start=$(date +%s%N)
    generate
    echo "$params" >"$dir/params"
    echo "generated in $(( ($(date +%s%N) - gen_start) / 1000000 )) ms"
fi
actual_files=$(find "$ctx" -type f | wc -l)
actual_bytes=$(find "$ctx" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
[[ "$actual_files" == "$total_files" && "$actual_bytes" == "$total_bytes" ]] \
    || { echo "the tree has $actual_files files / $actual_bytes bytes, expected $total_files / $total_bytes" >&2; exit 1; }
echo "$(find "$ctx" -type d | wc -l) directories; $(awk '
    $2 < 65536 { s++; sb += $2 } $2 >= 65536 && $2 < 2097152 { m++; mb += $2 } $2 >= 2097152 { l++; lb += $2 }
    END { printf "%d files < 64 KiB (%.0f MB), %d of 64 KiB-2 MiB (%.0f MB), %d >= 2 MiB (%.0f MB)", s, sb / 1e6, m, mb / 1e6, l, lb / 1e6 }' "$manifest")"

# ---------------------------------------------------------------- the commands
baseline() { find "$ctx" -type f -print0 | xargs -0 -P2 sha256sum >/dev/null; }
# For information only: the same work with balanced lanes. Without -n, xargs packs ~128 KiB of names into each
# sha256sum, and the big files, which sit together in one directory, end up in one or two processes, so the two lanes
# of -P2 are badly balanced. Shuffling the names (with a fixed seed) and small batches spread them evenly.
balanced() {
    find "$ctx" -type f -print0 | shuf -z --random-source=<(yes) | xargs -0 -n 32 -P2 sha256sum >/dev/null
}
ours() {
    "$java" "${java_opts[@]}" -jar "$jar" plan -f "$dir/devspace.yaml" --root "$dir" --json \
        --cache "$dir/no-such-dir/cache.json" >"$dir/ours.json" 2>"$dir/ours.err"
}
jvm() { "$java" "${java_opts[@]}" -jar "$jar" --version >/dev/null 2>&1; }

clk_tck=$(getconf CLK_TCK)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
all_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat; }
# wait_idle: until the machine was less than 10% busy over half a second, at most $idle_wait seconds
wait_idle() {
    local deadline=$(( $(date +%s) + idle_wait )) b0 a0 b1 a1
    while :; do
        b0=$(busy_ticks); a0=$(all_ticks); sleep 0.5; b1=$(busy_ticks); a1=$(all_ticks)
        (( (b1 - b0) * 10 < (a1 - a0) )) && return 0
        (( $(date +%s) < deadline )) || { echo "  (machine still busy after waiting ${idle_wait}s; running anyway)"; return 0; }
        sleep 1
    done
}
# run NAME: one timed run of NAME; appends wall ms to $dir/NAME.wall, its user+sys CPU seconds to $dir/NAME.cpu and
# the CPU seconds all other processes used meanwhile to $dir/NAME.foreign
run() {
    local name="$1" t0 t1 cpu b0 b1
    TIMEFORMAT='%3U %3S'
    b0=$(busy_ticks)
    t0=$(date +%s%N)
    cpu=$( { time "$name" 2>&1 >&3; } 3>&1 2>&1 )
    t1=$(date +%s%N)
    b1=$(busy_ticks)
    echo $(( (t1 - t0) / 1000000 )) >>"$dir/$name.wall"
    awk '{ printf "%.3f\n", $1 + $2 }' <<<"$cpu" >>"$dir/$name.cpu"
    awk -v b="$(( b1 - b0 ))" -v hz="$clk_tck" -v c="$(tail -n1 "$dir/$name.cpu")" \
        'BEGIN { f = b / hz - c; printf "%.2f\n", f < 0 ? 0 : f }' >>"$dir/$name.foreign"
}

echo "warming the page cache (cat of every file, then one untimed run of each command) ..."
find "$ctx" -type f -print0 | xargs -0 cat >/dev/null
baseline
balanced
ours || { cat "$dir/ours.err" >&2; echo "our plan run failed" >&2; exit 1; }
jvm
context_hash=$(sed -n 's/.*"contextHash" : "\([0-9a-f]*\)".*/\1/p' "$dir/ours.json")
[[ -n "$context_hash" ]] || { cat "$dir/ours.json" "$dir/ours.err" >&2; echo "no contextHash in our output" >&2; exit 1; }
echo "contextHash $context_hash"
rm -f "$dir"/{baseline,balanced,ours,jvm}.{wall,cpu,foreign}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

retried=0
for (( i = 1; i <= reps; i++ )); do
    # alternate which command goes first, so neither always runs right after the other
    if (( i % 2 )); then order=(baseline ours balanced jvm); else order=(ours baseline jvm balanced); fi
    for name in "${order[@]}"; do
        for (( attempt = 1; ; attempt++ )); do
            wait_idle
            run "$name"
            if (( attempt < 3 )) && awk -v f="$(tail -n1 "$dir/$name.foreign")" 'BEGIN { exit !(f > 0.5) }'; then
                echo "  (other processes used $(tail -n1 "$dir/$name.foreign") s of CPU during this $name run of $(tail -n1 "$dir/$name.wall") ms; repeating it)"
                for f in wall cpu foreign; do sed -i '$d' "$dir/$name.$f"; done
                retried=$(( retried + 1 ))
                continue
            fi
            break
        done
    done
    printf 'rep %d/%d: baseline %s ms, ours %s ms, balanced baseline %s ms, JVM start %s ms; foreign CPU %s / %s / %s s\n' \
        "$i" "$reps" "$(tail -n1 "$dir/baseline.wall")" "$(tail -n1 "$dir/ours.wall")" "$(tail -n1 "$dir/balanced.wall")" \
        "$(tail -n1 "$dir/jvm.wall")" "$(tail -n1 "$dir/baseline.foreign")" "$(tail -n1 "$dir/ours.foreign")" \
        "$(tail -n1 "$dir/balanced.foreign")"
done
hash_again=$(sed -n 's/.*"contextHash" : "\([0-9a-f]*\)".*/\1/p' "$dir/ours.json")
[[ "$hash_again" == "$context_hash" ]] || { echo "contextHash changed between runs: $hash_again" >&2; exit 1; }

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -n "$1" | tail -n1; }
b=$(median "$dir/baseline.wall"); o=$(median "$dir/ours.wall"); j=$(median "$dir/jvm.wall"); x=$(median "$dir/balanced.wall")
bc=$(median "$dir/baseline.cpu"); oc=$(median "$dir/ours.cpu"); xc=$(median "$dir/balanced.cpu")

echo
echo "context: $total_files files, $total_bytes bytes ($(awk -v b="$total_bytes" 'BEGIN { printf "%.2f GiB", b / 1073741824 }')), seed $seed, contextHash ${context_hash:0:16}"
echo "$reps repetitions, alternating, warm page cache; medians; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "foreign CPU during the kept runs (max): baseline $(maximum "$dir/baseline.foreign") s, ours $(maximum "$dir/ours.foreign") s, balanced $(maximum "$dir/balanced.foreign") s; runs repeated for it: $retried"
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $("$java" -version 2>&1 | head -n1)${BENCH_JAVA_OPTS:+, JVM options: $BENCH_JAVA_OPTS}"
awk -v b="$b" -v o="$o" -v j="$j" -v x="$x" -v bc="$bc" -v oc="$oc" -v xc="$xc" -v bytes="$total_bytes" -v n="$total_files" '
function row(name, ms, cpu) {
    printf "| %-48s | %9.0f | %7s | %5.0f | %7.0f | %6.2f |\n", name, ms, cpu == "" ? "" : sprintf("%.2f", cpu), bytes / 1e3 / ms, n * 1e3 / ms, b / ms
}
BEGIN {
    line = "+--------------------------------------------------+-----------+---------+-------+---------+--------+"
    print line
    printf "| %-48s | %9s | %7s | %5s | %7s | %6s |\n", "command", "wall (ms)", "CPU (s)", "MB/s", "files/s", "ratio"
    print line
    row("find | xargs -0 -P2 sha256sum (the baseline)", b, bc)
    row("devspace-build plan (ours, with JVM start)", o, oc)
    if (o > j) row("ours minus JVM start (--version: " j " ms)", o - j, "")
    row("info: find | shuf | xargs -0 -n 32 -P2 sha256sum", x, xc)
    print line
    printf "ratio = baseline wall time / this wall time (> 1: faster than the baseline); ours vs the balanced variant (its wall / ours): %.2f\n", x / o
    print "MB = 10^6 bytes; CPU = user + sys of the command and its children"
}'

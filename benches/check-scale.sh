#!/usr/bin/env bash
# Scale benchmark for `roster check` (docs/architecture.md, throughput bar): generate a large
# synthetic records tree with benches/gen-synthetic.py, run
# `roster check --root DIR --format json > /dev/null` on it several times, and report the
# median wall time, the peak resident memory, the throughput in MB/s and the exit status,
# which must be 0 (the dataset is valid: zero error-level findings expected). The bars of
# issue 16 (under 1.0 s, peak memory under 3x the input) are reported, MEETS or MISSES, never
# enforced: on a shared 2-core machine both move with the load.
#
# Usage: benches/check-scale.sh
# Environment:
#   ROSTER_BENCH_DIR      dataset folder to reuse (generated there if it has no records/ yet);
#                         default: a temporary folder, removed at the end
#   ROSTER_BENCH_MEMBERS  members to generate (default 10000)
#   ROSTER_BENCH_TERMS    chair terms to generate (default 1000000, about 110 MB)
#   ROSTER_BENCH_SEED     seed for the choice of chairs (default 1)
#   ROSTER_BENCH_RUNS     timed runs (default 3)
#   ROSTER_BENCH_GNU_TIME GNU time binary (default /usr/bin/time; a missing path selects the
#                         python3 fallback)
#
# Timing uses GNU time (`/usr/bin/time -v`, Debian package `time`); without it, a python3
# wrapper reads the child's wall time and resource.getrusage(RUSAGE_CHILDREN).ru_maxrss.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benches/measure.sh
source "$repo/benches/measure.sh"
members=${ROSTER_BENCH_MEMBERS:-10000}
terms=${ROSTER_BENCH_TERMS:-1000000}
seed=${ROSTER_BENCH_SEED:-1}
runs=${ROSTER_BENCH_RUNS:-3}
gnu_time=${ROSTER_BENCH_GNU_TIME:-/usr/bin/time}

build_release
bench_folders roster-bench

if [[ -f "$dir/records/chairs.yaml" ]]; then
    echo "== dataset: reusing $dir"
else
    echo "== generate: $members members, $terms terms, seed $seed"
    start=$(date +%s.%N)
    python3 "$repo/benches/gen-synthetic.py" "$dir" --members "$members" --terms "$terms" --seed "$seed"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "generation: %.1f s\n", e - s }'
fi

bytes=$(find "$dir/records" -type f -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
files=$(find "$dir/records" -type f -name '*.yaml' | wc -l)
awk -v b="$bytes" -v f="$files" -v c="$(stat -c %s "$dir/records/chairs.yaml")" \
    'BEGIN { printf "dataset: %.1f MB in %d files (chairs.yaml %.1f MB)\n", b / 1e6, f, c / 1e6 }'

# One timed run: prints "WALL_SECONDS MAXRSS_KB EXIT_STATUS".
timed_run() {
    if [[ -x "$gnu_time" ]]; then
        local out="$scratch/time.txt" status=0
        "$gnu_time" -v -o "$out" "$roster" check --root "$dir" --format json > /dev/null || status=$?
        awk -v status="$status" '
            /Elapsed \(wall clock\) time/ {
                n = split($NF, p, ":"); wall = 0
                for (i = 1; i <= n; i++) wall = wall * 60 + p[i]
            }
            /Maximum resident set size/ { rss = $NF }
            END { printf "%.3f %d %d\n", wall, rss, status }' "$out"
    else
        python3 - "$roster" "$dir" <<'PY'
import resource, subprocess, sys, time
roster, root = sys.argv[1], sys.argv[2]
began = time.monotonic()
status = subprocess.call([roster, "check", "--root", root, "--format", "json"], stdout=subprocess.DEVNULL)
wall = time.monotonic() - began
print(f"{wall:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {status}")
PY
    fi
}

echo "== roster check --root DIR --format json > /dev/null, $runs runs"
: > "$scratch/runs.txt"
for i in $(seq 1 "$runs"); do
    read -r wall rss status < <(timed_run)
    printf 'run %d: wall %.2f s, peak RSS %.1f MB, exit %d\n' "$i" "$wall" "$(awk -v k="$rss" 'BEGIN { print k * 1024 / 1e6 }')" "$status"
    echo "$wall $rss $status" >> "$scratch/runs.txt"
done

sort -n -k1,1 "$scratch/runs.txt" | awk -v b="$bytes" '
    { wall[NR] = $1; if ($2 > rss) rss = $2; if ($3 != 0) bad = $3 }
    END {
        median = (NR % 2) ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2
        mb = b / 1e6; rss_mb = rss * 1024 / 1e6
        printf "median wall: %.2f s (issue 16 bar: under 1.0 s on the full tree, %s)\n", median, (median < 1.0 ? "MEETS" : "MISSES")
        printf "throughput: %.1f MB/s\n", mb / median
        printf "peak RSS: %.1f MB (%.2fx the input; issue 16 bar: under 3x, %s)\n", rss_mb, rss_mb / mb, (rss_mb < 3 * mb ? "MEETS" : "MISSES")
        printf "exit status: %s\n", (bad == "" ? 0 : bad)
    }'

if awk '$3 != 0 { bad = 1 } END { exit !bad }' "$scratch/runs.txt"; then
    echo "FAIL: roster check reported errors on a dataset meant to be valid; first findings:"
    "$roster" check --root "$dir" --color never 2>&1 | head -n 20 || true
    exit 1
fi

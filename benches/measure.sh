# shellcheck shell=bash
# Shared by the benchmark scripts (sourced, not run, after setting $repo): building, folders,
# timing and peak memory of one command.
#
#   build_release                     builds the release binary and sets $roster to it
#   bench_folders NAME                sets $dir to $ROSTER_BENCH_DIR (created if need be, kept)
#                                     or to a temporary folder, and $scratch to a temporary
#                                     folder; the temporary ones are removed at exit
#   time_runs WARMUP RUNS OUT CMD...  writes one wall time in seconds per line to OUT and sets
#                                     $timer to what measured them: `hyperfine -N` when it is
#                                     installed, else a python3 loop with time.perf_counter
#   report_runs OUT                   prints the runs in OUT (as time_runs wrote them), sorted,
#                                     and sets $median to their median in seconds
#   peak_rss_kb GNU_TIME CMD...       prints the command's peak resident memory in KB, with GNU
#                                     time when GNU_TIME is executable, else python3 reading
#                                     resource.getrusage(RUSAGE_CHILDREN).ru_maxrss
# Output of the command goes to /dev/null.

# shellcheck disable=SC2034,SC2154 # $roster is read, and $repo set, by the sourcing script
build_release() {
    echo "== build (release)"
    (cd "$repo" && cargo build --release -q)
    roster="$repo/target/release/roster"
}

bench_folders() {
    local name=$1
    if [[ -n "${ROSTER_BENCH_DIR:-}" ]]; then
        dir=$ROSTER_BENCH_DIR
        mkdir -p "$dir"
    else
        dir=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
    fi
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/$name-times.XXXXXX")
    trap 'rm -rf -- "$scratch"; [[ -n "${ROSTER_BENCH_DIR:-}" ]] || rm -rf -- "$dir"' EXIT
}

# shellcheck disable=SC2034 # $timer is read by the sourcing script
time_runs() {
    local warmup=$1 runs=$2 out=$3
    shift 3
    if command -v hyperfine >/dev/null 2>&1; then
        local cmdline json
        printf -v cmdline '%q ' "$@"
        json=$(mktemp "${TMPDIR:-/tmp}/roster-hyperfine.XXXXXX")
        hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$json" -- "$cmdline" >&2
        python3 - "$json" > "$out" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    print("\n".join(f"{t:.6f}" for t in json.load(f)["results"][0]["times"]))
PY
        rm -f -- "$json"
        timer="hyperfine -N"
    else
        python3 - "$warmup" "$runs" "$@" > "$out" <<'PY'
import subprocess, sys, time
warmup, runs, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
for _ in range(warmup):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
for _ in range(runs):
    began = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    print(f"{time.perf_counter() - began:.6f}")
PY
        timer="python3 loop"
    fi
}

peak_rss_kb() {
    local gnu_time=$1
    shift
    if [[ -x "$gnu_time" ]]; then
        local report
        report=$(mktemp "${TMPDIR:-/tmp}/roster-time.XXXXXX")
        "$gnu_time" -v -o "$report" "$@" > /dev/null
        awk '/Maximum resident set size/ { print $NF }' "$report"
        rm -f -- "$report"
    else
        python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
    fi
}

# shellcheck disable=SC2034 # $median is read by the sourcing script
report_runs() {
    local summary
    summary=$(sort -n "$1" | awk '
        { t[NR] = $1; list = list sprintf("%s%.3f", (NR > 1 ? " " : ""), $1) }
        END { printf "%.6f %s", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2, list }')
    median=${summary%% *}
    echo "runs ($timer, sorted, s): ${summary#* }"
}

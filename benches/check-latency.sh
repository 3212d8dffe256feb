#!/usr/bin/env bash
# Pre-commit latency: wall time of the whole roster process on the shipped records, for the two
# commands a commit runs: `roster check` (the work tree, as this repository's own hook and a
# manual check do) and `roster check --staged` (what the published pre-commit hook runs: the
# index, read through git).
#
# Builds the release binary, runs each command in this repository 200 times after 10 warm-up
# runs, and prints the median, mean and 95th percentile in milliseconds. Exits 1 when a median
# is over the pre-commit latency bar of docs/architecture.md (20 ms).
#
# Uses hyperfine when it is installed (`hyperfine -N`: no shell in between), otherwise a
# Python loop timing each run with time.perf_counter. Both include starting the process
# (about 1 ms for /bin/true either way on the 2-core CI machine), as a pre-commit hook does,
# and the git processes roster starts (one for `check`, three for `check --staged`).
#
# Environment:
#   ROSTER_LATENCY_RUNS          timed runs (default 200)
#   ROSTER_LATENCY_WARMUP        untimed runs first (default 10)
#   ROSTER_LATENCY_BAR_MS        the bar for the median, in ms (default 20)
#   ROSTER_LATENCY_NO_HYPERFINE  set to 1 to use the Python loop where hyperfine is installed
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${ROSTER_LATENCY_RUNS:-200}
warmup=${ROSTER_LATENCY_WARMUP:-10}
bar_ms=${ROSTER_LATENCY_BAR_MS:-20}
bin=target/release/roster

echo "building the release binary"
cargo build --release --quiet --bin roster

# The latency that matters is that of a passing check: refuse to time anything else.
if ! "$bin" check --quiet >/dev/null || ! "$bin" check --staged --quiet >/dev/null; then
    echo "error: \`$bin check\` (or with --staged) does not pass on the shipped records; fix that before timing it" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Times `roster ARGS...`, printing its figures; returns 1 when its median is over the bar.
measure() {
    local method
    if [ -z "${ROSTER_LATENCY_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1; then
        method="hyperfine $(hyperfine --version | awk '{print $2}')"
        hyperfine -N --warmup "$warmup" --runs "$runs" --style basic \
            --export-json "$tmp/times.json" "$bin $*" >/dev/null
        python3 - "$tmp/times.json" >"$tmp/times.txt" <<'PY'
import json, sys
for t in json.load(open(sys.argv[1]))["results"][0]["times"]:
    print(t)
PY
    else
        method="python3 time.perf_counter"
        python3 - "$warmup" "$runs" "$bin" "$@" >"$tmp/times.txt" <<'PY'
import subprocess, sys, time
warmup, runs, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
for _ in range(warmup):
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    print(time.perf_counter() - start)
PY
    fi
    # Seconds, one a line -> the summary and the verdict.
    python3 - "$tmp/times.txt" "$bar_ms" "$method" "roster $*" <<'PY'
import statistics, sys
path, bar_ms, method, what = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
ms = sorted(float(line) * 1000 for line in open(path) if line.strip())
median = statistics.median(ms)
mean = statistics.fmean(ms)
p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
print(f"{what} on the shipped records, {len(ms)} runs, timed by {method}")
print(f"median {median:.2f} ms, mean {mean:.2f} ms, p95 {p95:.2f} ms, min {ms[0]:.2f} ms, max {ms[-1]:.2f} ms")
if median > bar_ms:
    print(f"FAIL: the median is over the bar of {bar_ms:g} ms (docs/architecture.md)")
    sys.exit(1)
print(f"ok: the median is under the bar of {bar_ms:g} ms (docs/architecture.md)")
PY
}

status=0
measure check || status=1
measure check --staged || status=1
exit "$status"

#!/usr/bin/env bash
# How long the first `pre-commit install-hooks` takes, how much of pre-commit's cache it fills,
# and how long the installed roster-check hook then takes on a commit, for the two styles of
# roster hook:
#   rust   the root's .pre-commit-hooks.yaml (language: rust): pre-commit clones this
#          checkout (committed as it is into a scratch repository) and runs `cargo install
#          --path .` in the clone;
#   wheel  pre-commit-mirror/ (language: python), made into a scratch git repository:
#          pip installs the roster wheel, found through PIP_FIND_LINKS.
# Each starts from an empty PRE_COMMIT_HOME, pip cache and virtualenv cache. The rust style
# uses the machine's cargo and its crates.io cache (~/.cargo): a contributor who has Rust but
# has never built roster's dependencies also downloads them.
#
# usage: tests/pre-commit/install-times.sh [--only rust|wheel] [WHEEL_DIR]
#   WHEEL_DIR  a folder with the roster_records wheel of Cargo.toml's version
#              (default: target/wheels, as .ci/run builds it)
#   PRE_COMMIT (environment) the pre-commit command; default: the one .ci/run installs
#              (~/.cache/roster-ci/pre-commit/bin/pre-commit), else pre-commit on the PATH
#
# The rust style takes minutes.
#
# The run time is that of `pre-commit run roster-check` on a staged change to one record, the
# median of ROSTER_HOOK_RUNS runs (default 20), beside that of the hook's own `roster check
# --staged` alone: the difference is pre-commit's (starting Python, finding the staged files,
# stashing what is not staged).
set -euo pipefail

# shellcheck source=tests/pre-commit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

only=""
if [ "${1:-}" = "--only" ]; then
    only="${2:?--only needs rust or wheel}"
    shift 2
fi
wheel_dir="$(cd "${1:-$root/target/wheels}" && pwd)"
pre_commit="${PRE_COMMIT:-$HOME/.cache/roster-ci/pre-commit/bin/pre-commit}"
if [ ! -x "$pre_commit" ]; then
    pre_commit="$(command -v pre-commit)" || {
        echo "no pre-commit: install one (pip install pre-commit) or set PRE_COMMIT" >&2
        exit 2
    }
fi
"$pre_commit" --version
echo "cargo: $(cargo --version 2>/dev/null || echo 'not on the PATH')"
echo "machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

runs="${ROSTER_HOOK_RUNS:-20}"

# The median wall time, in ms, of running `$@` $runs times (after one run not counted).
median_ms() {
    python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.0f}")
PY
}

# In records repository $2, whose hooks of style $1 are installed: stages a change to one record
# and times the roster-check hook, and the roster it runs alone, recording both.
measure_run() {
    local label="$1" records="$2" home="$work/$1-home" binary hook alone
    binary="$(find "$home" -path '*/bin/roster' -type f | head -n 1)"
    (
        cd "$records"
        sed -i 's/^founded: 1951$/founded: 1950/' records/members/iom.yaml
        git add records/members/iom.yaml
        hook="$(PRE_COMMIT_HOME="$home" median_ms "$pre_commit" run roster-check)"
        alone="$(median_ms "$binary" check --staged)"
        echo "$label: pre-commit run roster-check takes $hook ms; its roster check --staged alone $alone ms"
        echo "$label $hook $alone" >>"$work/runs"
    )
}

# Runs `pre-commit install-hooks` in records repository $2 with a fresh cache under $1, and
# prints the time and the size of PRE_COMMIT_HOME.
measure() {
    local label="$1" records="$2" home="$work/$1-home"
    local start seconds
    start="$(date +%s%N)"
    (
        cd "$records"
        # CARGO_TARGET_DIR would send cargo's build into a shared folder, outside
        # pre-commit's cache; a contributor has it unset.
        env -u CARGO_TARGET_DIR \
            PRE_COMMIT_HOME="$home" \
            PIP_CACHE_DIR="$work/$label-pip-cache" \
            VIRTUALENV_OVERRIDE_APP_DATA="$work/$label-virtualenv" \
            "$pre_commit" install-hooks
    )
    seconds="$(seconds_since "$start")"
    echo "$label: install-hooks took $seconds s; PRE_COMMIT_HOME takes $(size_mib "$home") MiB"
    echo "$label $seconds $(size_mib "$home")" >>"$work/results"
}

if [ "$only" != "wheel" ]; then
    rev="$(make_source_repo "$work/source")"
    make_records_repo "$work/rust-records" "$work/source" "$rev" roster-check
    echo
    echo "==> rust hook: this checkout as it is ($root)"
    measure rust "$work/rust-records"
    home="$work/rust-home"
    echo "    of which the clone's target/ (cargo's build folder): $(size_mib "$(dirname "$(find "$home" -maxdepth 3 -name Cargo.lock | head -n 1)")/target") MiB"
    echo "    and the installed binary: $(du -m "$(find "$home" -path '*/rustenv-*/bin/roster' | head -n 1)" | cut -f 1) MiB"
    measure_run rust "$work/rust-records"
fi

if [ "$only" != "rust" ]; then
    wheel="$(find_wheel "$wheel_dir")"
    rev="$(make_mirror_repo "$work/mirror")"
    make_records_repo "$work/wheel-records" "$work/mirror" "$rev" roster-check
    echo
    echo "==> wheel hook: pre-commit-mirror/, wheel $(basename "$wheel") ($(du -k "$wheel" | cut -f 1) KiB)"
    export PIP_FIND_LINKS="$wheel_dir"
    measure wheel "$work/wheel-records"
    measure_run wheel "$work/wheel-records"
fi

echo
echo "| hook style | first install-hooks | PRE_COMMIT_HOME | pre-commit run roster-check | roster check --staged alone |"
echo "| --- | --- | --- | --- | --- |"
while read -r label seconds mib && read -r _ hook alone <&3; do
    echo "| $label | $seconds s | $mib MiB | $hook ms | $alone ms |"
done <"$work/results" 3<"$work/runs"

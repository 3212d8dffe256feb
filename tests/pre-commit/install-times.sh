#!/usr/bin/env bash
# How long the first `pre-commit install-hooks` takes, and how much of pre-commit's cache it
# fills, for the two styles of roster hook:
#   rust   the root's .pre-commit-hooks.yaml (language: rust): pre-commit clones this
#          repository at HEAD and runs `cargo install --path .` in the clone;
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
# The rust style installs the last commit (HEAD), not uncommitted changes. It takes minutes.
set -euo pipefail

# shellcheck source=tests/pre-commit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

only=""
if [ "${1:-}" = "--only" ]; then
    only="${2:?--only needs rust or wheel}"
    shift 2
fi
wheel_dir="${1:-$root/target/wheels}"
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
    if [ -n "$(git -C "$root" status --porcelain)" ]; then
        echo "note: the checkout has uncommitted changes; the rust hook installs HEAD without them"
    fi
    rev="$(git -C "$root" rev-parse HEAD)"
    make_records_repo "$work/rust-records" "$root" "$rev" roster-check
    echo
    echo "==> rust hook: $root at $rev"
    measure rust "$work/rust-records"
    home="$work/rust-home"
    echo "    of which the clone's target/ (cargo's build folder): $(size_mib "$(dirname "$(find "$home" -maxdepth 3 -name Cargo.lock | head -n 1)")/target") MiB"
    echo "    and the installed binary: $(du -m "$(find "$home" -path '*/rustenv-*/bin/roster' | head -n 1)" | cut -f 1) MiB"
fi

if [ "$only" != "rust" ]; then
    wheel="$(find_wheel "$wheel_dir")"
    rev="$(make_mirror_repo "$work/mirror")"
    make_records_repo "$work/wheel-records" "$work/mirror" "$rev" roster-check
    echo
    echo "==> wheel hook: pre-commit-mirror/, wheel $(basename "$wheel") ($(du -k "$wheel" | cut -f 1) KiB)"
    export PIP_FIND_LINKS="$wheel_dir"
    measure wheel "$work/wheel-records"
fi

echo
echo "| hook style | first install-hooks | PRE_COMMIT_HOME |"
echo "| --- | --- | --- |"
while read -r label seconds mib; do
    echo "| $label | $seconds s | $mib MiB |"
done <"$work/results"

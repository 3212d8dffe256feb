#!/usr/bin/env bash
# The wheel-based hooks of pre-commit-mirror/, installed and run by a real pre-commit the way
# a contributor without Rust would, with the roster wheel built from this checkout.
#
# usage: tests/pre-commit/wheel-hook.sh WHEEL_DIR [PRE_COMMIT]
#   WHEEL_DIR   a folder holding the roster_records wheel of Cargo.toml's version
#   PRE_COMMIT  the pre-commit command (default: pre-commit on the PATH)
#
# Nothing is published, so the mirror becomes a scratch git repository, and pip finds the
# wheel through PIP_FIND_LINKS (the mirror's pin names a version that is not on PyPI). pip
# still reaches PyPI for setuptools, which builds the mirror's empty package. The hooks are
# installed with no cargo or rustc on the PATH, and the installed binary must be the wheel's,
# byte for byte. Then the cases of common.sh (hook_cases) go through `git commit`.
set -euo pipefail

# shellcheck source=tests/pre-commit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 WHEEL_DIR [PRE_COMMIT]" >&2
    exit 2
fi
wheel_dir="$(cd "$1" && pwd)"
pre_commit="${2:-pre-commit}"
if [[ "$pre_commit" == */* ]]; then
    pre_commit="$(cd "$(dirname "$pre_commit")" && pwd)/$(basename "$pre_commit")"
fi
wheel="$(find_wheel "$wheel_dir")"
echo "wheel: $wheel"
"$pre_commit" --version

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Both manifests must be valid for pre-commit, and the mirror must agree with the root
# (checked with pre-commit's own Python, which has PyYAML: the one its script starts with).
"$pre_commit" validate-manifest "$root/.pre-commit-hooks.yaml" "$root/pre-commit-mirror/.pre-commit-hooks.yaml"
pre_commit_python="$(sed -n '1s/^#! *//p' "$(command -v "$pre_commit")")"
"$pre_commit_python" "$root/tests/pre-commit/mirror-agrees.py"

rev="$(make_mirror_repo "$work/mirror")"
make_records_repo "$work/records" "$work/mirror" "$rev" roster-check roster-diff
cd "$work/records"

export PRE_COMMIT_HOME="$work/pre-commit-home"
export PIP_FIND_LINKS="$wheel_dir"
export PIP_CACHE_DIR="$work/pip-cache"
PATH="$(path_without_rust)"
export PATH
if command -v cargo >/dev/null 2>&1 || command -v rustc >/dev/null 2>&1; then
    echo "cargo or rustc is still on the PATH: the test would not show that Rust is not needed" >&2
    exit 1
fi

start="$(date +%s%N)"
"$pre_commit" install-hooks
echo "installed without Rust in $(seconds_since "$start") s; PRE_COMMIT_HOME takes $(size_mib "$PRE_COMMIT_HOME") MiB"

# The roster in the hook's environment is the wheel's binary.
hook_roster="$(find "$PRE_COMMIT_HOME" -path '*/py_env-*/bin/roster' -type f | head -n 1)"
if [ -z "$hook_roster" ]; then
    echo "no roster binary in the hook's environment under $PRE_COMMIT_HOME" >&2
    exit 1
fi
python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    name = next(n for n in wheel.namelist() if n.endswith(".data/scripts/roster"))
    sys.stdout.buffer.write(wheel.read(name))' "$wheel" >"$work/wheel-roster"
cmp "$hook_roster" "$work/wheel-roster"
echo "the hook runs the wheel's binary: $hook_roster ($("$hook_roster" --version))"

# The cases every hook style must pass: a bad staged change refused with its finding printed
# once, an untracked file that cannot rescue it, a good change committed, `git commit -a`.
hook_cases "$pre_commit" "$work/records" "$hook_roster"
echo "wheel-hook.sh: the wheel-based hooks pass every case"

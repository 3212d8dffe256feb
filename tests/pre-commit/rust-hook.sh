#!/usr/bin/env bash
# The hooks of the root's .pre-commit-hooks.yaml (language: rust), installed and run by a real
# pre-commit the way a contributor with a Rust toolchain meets them: pre-commit clones the
# hooks' repository and builds roster there with `cargo install --bins --root ENV --path .`,
# then `git commit` runs them.
#
# usage: tests/pre-commit/rust-hook.sh [PRE_COMMIT]
#   PRE_COMMIT   the pre-commit command (default: pre-commit on the PATH)
#   ROSTER_HOOK_SEED (environment) a cargo target folder (such as target/) whose release build
#                is copied into the folder pre-commit's cargo builds in, so that dependencies
#                compiled already for this checkout are not compiled again. roster itself is
#                always compiled again: cargo builds it from pre-commit's clone, a different
#                folder. Without it, the build starts from nothing (minutes more).
#
# The hooks' repository is a scratch commit of this checkout as it is (the files git shows,
# uncommitted changes included), so that the test is of what is checked out. pre-commit runs
# `cargo install` without `--locked`, as it does for every user of the hook: dependencies are
# resolved afresh, within Cargo.toml's ranges and, by resolver 3, its rust-version.
set -euo pipefail

# shellcheck source=tests/pre-commit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ $# -gt 1 ]; then
    echo "usage: $0 [PRE_COMMIT]" >&2
    exit 2
fi
pre_commit="${1:-pre-commit}"
if [[ "$pre_commit" == */* ]]; then
    pre_commit="$(cd "$(dirname "$pre_commit")" && pwd)/$(basename "$pre_commit")"
fi
"$pre_commit" --version
cargo --version

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rev="$(make_source_repo "$work/source")"
make_records_repo "$work/records" "$work/source" "$rev" roster-check roster-diff

export PRE_COMMIT_HOME="$work/pre-commit-home"
# cargo builds in a folder of its own, as a contributor's pre-commit does, seeded with the
# dependencies this checkout's release build compiled when there is one.
export CARGO_TARGET_DIR="$work/target"
if [ -n "${ROSTER_HOOK_SEED:-}" ] && [ -d "$ROSTER_HOOK_SEED/release" ]; then
    mkdir -p "$CARGO_TARGET_DIR"
    cp -a "$ROSTER_HOOK_SEED/release" "$CARGO_TARGET_DIR/"
    rm -rf "$CARGO_TARGET_DIR/release/incremental"
    echo "seeded the build folder with $ROSTER_HOOK_SEED/release ($(size_mib "$CARGO_TARGET_DIR") MiB)"
fi

cd "$work/records"
start="$(date +%s%N)"
"$pre_commit" install-hooks
echo "installed with cargo in $(seconds_since "$start") s"

# The roster in the hook's environment is the one cargo installed there.
hook_roster="$(find "$PRE_COMMIT_HOME" -path '*/rustenv-*/bin/roster' -type f | head -n 1)"
if [ -z "$hook_roster" ]; then
    echo "no roster binary in the hook's environment under $PRE_COMMIT_HOME" >&2
    exit 1
fi
echo "the hook runs the binary cargo installed: $hook_roster ($("$hook_roster" --version))"

hook_cases "$pre_commit" "$work/records" "$hook_roster"
echo "rust-hook.sh: the language: rust hooks pass every case"

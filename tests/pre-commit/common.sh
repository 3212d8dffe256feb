# Helpers shared by the scripts in this folder; sourced, not run.
# shellcheck shell=bash

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The version in Cargo.toml's [package] table (the first `version = "..."` line).
roster_version() {
    sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1
}

# git with an identity of its own, so that the scratch commits work on a machine with no
# git configuration (CI) and leave the user's configuration alone.
scratch_git() {
    git -c user.name=roster-tests -c user.email=roster-tests@localhost \
        -c commit.gpgsign=false -c init.defaultBranch=main "$@"
}

# The PATH without its folders that hold cargo or rustc: what a contributor without a Rust
# toolchain has.
path_without_rust() {
    local dir out=""
    local IFS=:
    for dir in $PATH; do
        if [ -e "$dir/cargo" ] || [ -e "$dir/rustc" ]; then
            continue
        fi
        out="${out:+$out:}$dir"
    done
    printf '%s\n' "$out"
}

# The wheel of this version in folder $1, or an error.
find_wheel() {
    local dir="$1" version wheels
    version="$(roster_version)"
    wheels=("$dir"/roster_records-"$version"-*.whl)
    if [ ! -f "${wheels[0]}" ]; then
        echo "no roster_records-$version wheel in $dir; build one with" >&2
        echo "  maturin build --release --locked --out $dir" >&2
        return 1
    fi
    printf '%s\n' "${wheels[0]}"
}

# Turn a copy of pre-commit-mirror/ into a git repository at $1 with one commit, and print
# that commit's id: what the mirror would be once it is a repository of its own.
make_mirror_repo() {
    local dest="$1"
    mkdir -p "$dest"
    cp -R "$root/pre-commit-mirror/." "$dest/"
    scratch_git -C "$dest" init -q
    scratch_git -C "$dest" add -A
    scratch_git -C "$dest" commit -q -m "mirror of roster $(roster_version)"
    git -C "$dest" rev-parse HEAD
}

# A repository of records at $1 (a copy of records/, schemas/ and roster.toml if there is
# one), committed, whose .pre-commit-config.yaml takes hooks $4... from repository $2 at
# revision $3.
make_records_repo() {
    local dest="$1" hook_repo="$2" rev="$3"
    shift 3
    mkdir -p "$dest"
    cp -R "$root/records" "$root/schemas" "$dest/"
    if [ -f "$root/roster.toml" ]; then
        cp "$root/roster.toml" "$dest/"
    fi
    {
        echo "repos:"
        echo "  - repo: $hook_repo"
        echo "    rev: $rev"
        echo "    hooks:"
        local id
        for id in "$@"; do
            echo "      - id: $id"
        done
    } >"$dest/.pre-commit-config.yaml"
    scratch_git -C "$dest" init -q
    scratch_git -C "$dest" add -A
    scratch_git -C "$dest" commit -q -m "records"
}

# Seconds since $1 (a `date +%s%N` reading), with one decimal.
seconds_since() {
    local now
    now="$(date +%s%N)"
    awk -v a="$1" -v b="$now" 'BEGIN { printf "%.1f\n", (b - a) / 1e9 }'
}

# The disk space folder $1 takes, in MiB, as `du -sh` counts it.
size_mib() {
    du -sm "$1" | cut -f 1
}

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

# This checkout as it is, committed into a scratch git repository at $1 (the files git shows:
# tracked, and untracked but not ignored, uncommitted changes included), and print that
# commit's id: what a pre-commit user's `repo:` would clone, for the language: rust hooks.
make_source_repo() {
    local dest="$1"
    mkdir -p "$dest"
    (cd "$root" && git ls-files -z --cached --others --exclude-standard) |
        (cd "$root" && xargs -0 cp --parents -t "$dest" 2>/dev/null || true)
    scratch_git -C "$dest" init -q
    scratch_git -C "$dest" add -A
    scratch_git -C "$dest" commit -q -m "roster $(roster_version), as checked out"
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

# The output of a command, without the colours pre-commit may add.
plain() {
    sed 's/\x1b\[[0-9;]*m//g'
}

# `git commit -m MESSAGE` in the current repository, whose hooks pre-commit installed, must be
# refused by roster-check with one `error[CODE]` finding whose text holds $3, printed once.
# $1 names the case.
expect_blocked() {
    local case="$1" code="$2" text="$3" head status=0 out count
    head="$(git rev-parse HEAD)"
    out="$(scratch_git commit -q -m "$case" 2>&1)" || status=$?
    out="$(printf '%s\n' "$out" | plain)"
    printf '%s\n' "$out"
    if [ "$status" -eq 0 ] || [ "$(git rev-parse HEAD)" != "$head" ]; then
        echo "FAIL ($case): the commit was made; roster-check should have refused it" >&2
        return 1
    fi
    count="$(printf '%s\n' "$out" | grep -c "^error\[$code\]: .*$text" || true)"
    if [ "$count" -ne 1 ]; then
        echo "FAIL ($case): expected the $code finding once, it was printed $count times" >&2
        return 1
    fi
    echo "ok ($case): refused, the $code finding printed once"
}

# The cases every style of roster hook must pass, run as a contributor meets them: the hooks
# installed in .git/hooks by `pre-commit install`, and `git commit`. Records repository $2 is
# committed and takes roster-check and roster-diff from its .pre-commit-config.yaml; $1 is the
# pre-commit command, $3 the roster the hooks run (to show what checking the work tree says).
hook_cases() {
    local pre_commit="$1" dir="$2" roster="$3" out head
    (
        set -euo pipefail
        cd "$dir"
        "$pre_commit" install >/dev/null
        local groups=records/working-groups.yaml member=records/members/gfmd.yaml

        echo "--- a bad staged change is refused, its finding printed once"
        echo 'website: https://www.iom.int' >>records/members/iom.yaml
        git add records/members/iom.yaml
        expect_blocked "unknown key" S001 'unknown key `website`'
        scratch_git reset -q --hard

        echo "--- an untracked file cannot rescue a bad staged change"
        # A working group co-chaired by `gfmd`, a member whose file is in the work tree but not
        # staged: the commit would hold a reference to a member it does not hold.
        sed -i 's/^      - un-desa$/      - un-desa\n      - gfmd/' "$groups"
        cp "$root/tests/fixtures/gfmd.yaml" "$member"
        git add "$groups"
        "$roster" check --color never >/dev/null ||
            { echo "FAIL: the work tree with the untracked member should pass" >&2; exit 1; }
        echo "(roster check of the work tree passes, the untracked member file in it)"
        expect_blocked "untracked member" R002 'no member .*`gfmd`'

        echo "--- a good change passes, and roster-diff says what it changes"
        git add "$member"
        head="$(git rev-parse HEAD)"
        out="$(scratch_git commit -m "gfmd co-chairs data and research" 2>&1 | plain)"
        printf '%s\n' "$out"
        if [ "$(git rev-parse HEAD)" = "$head" ]; then
            echo "FAIL (good change): the commit was refused" >&2
            exit 1
        fi
        if ! printf '%s\n' "$out" | grep -q 'member `gfmd`'; then
            echo "FAIL (good change): roster-diff did not report the added member" >&2
            exit 1
        fi
        echo "ok (good change): committed, and roster-diff reported it"

        echo "--- git commit -a: the hook reads the index git commits from"
        # git stages into a temporary index for `commit -a`, named in GIT_INDEX_FILE.
        sed -i 's/^founded: 1951$/founded: 1951\nwebsite: https:\/\/www.iom.int/' records/members/iom.yaml
        head="$(git rev-parse HEAD)"
        out="$(scratch_git commit -a -q -m "commit -a" 2>&1 | plain)" || true
        printf '%s\n' "$out"
        if [ "$(git rev-parse HEAD)" != "$head" ]; then
            echo "FAIL (commit -a): the commit was made; roster-check should have refused it" >&2
            exit 1
        fi
        if [ "$(printf '%s\n' "$out" | grep -c '^error\[S001\]: unknown key `website`')" -ne 1 ]; then
            echo "FAIL (commit -a): expected the S001 finding once" >&2
            exit 1
        fi
        echo "ok (commit -a): refused, the S001 finding printed once"
        git checkout -q -- .
    )
}

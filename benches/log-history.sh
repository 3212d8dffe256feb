#!/usr/bin/env bash
# History benchmark for `roster log` (docs/architecture.md: the semantic changes of each commit
# that touched the records). Builds a temporary git repository whose first commit holds the
# shipped records and schemas (records/ and schemas/ at HEAD of this repository), followed by
# 1,000 commits that each change one small thing in the records, in turn: a member's note, a
# document (added, then removed on the next turn), a chair entry's note, a source's note.
# Every 100th of them is followed by a commit that touches no record (NOTES.txt only), which
# `roster log` must leave out. The history is written with one `git fast-import`. The script
# then checks that `roster log --format json` lists every commit that touched records/ or
# schemas/, and each with exactly the change it made, and times
# `roster log --format json > /dev/null` (median of several runs), reporting commits per
# second and peak resident memory. There is no bar; exit 1 when the history is not reported
# as made, or when roster fails.
#
# Usage: benches/log-history.sh
# Environment:
#   ROSTER_BENCH_COMMITS  commits changing the records, after the first (default 1000)
#   ROSTER_BENCH_RUNS     timed runs (default 3)
#   ROSTER_BENCH_GNU_TIME GNU time binary for the peak memory (default /usr/bin/time; a
#                         missing path selects a python3 wrapper reading ru_maxrss)
#
# Timing uses `hyperfine -N` when it is installed, else a python3 loop with
# time.perf_counter. git runs without the user's or the system's configuration.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benches/measure.sh
source "$repo/benches/measure.sh"
commits=${ROSTER_BENCH_COMMITS:-1000}
runs=${ROSTER_BENCH_RUNS:-3}
gnu_time=${ROSTER_BENCH_GNU_TIME:-/usr/bin/time}

build_release

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
dir=$(mktemp -d "${TMPDIR:-/tmp}/roster-log-bench.XXXXXX")
trap 'rm -rf -- "$dir"' EXIT
history="$dir/repo"
scratch="$dir/scratch"
mkdir -p "$history" "$scratch/seed"

echo "== history: the shipped records, then $commits commits"
start=$(date +%s.%N)
git -C "$repo" archive --format=tar HEAD records schemas | tar -x -C "$scratch/seed"
git init -q -b main "$history"
# Writes the fast-import stream on stdout and, in expected.txt, one line per commit that
# touches the records, newest first, as roster log lists them: "SUBJECT<TAB>KIND CHANGE".
python3 - "$scratch/seed" "$commits" "$scratch/expected.txt" > "$scratch/stream" <<'PY'
import os, re, sys

seed, count, expected_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
out = sys.stdout.buffer
files = {}
for folder, _, names in os.walk(seed):
    for name in names:
        path = os.path.join(folder, name)
        with open(path, "rb") as f:
            files[os.path.relpath(path, seed).replace(os.sep, "/")] = f.read().decode("utf-8")
members = sorted(p for p in files if p.startswith("records/members/"))
time = 1_700_000_000
expected = []


def data(text):
    raw = text.encode("utf-8")
    out.write(b"data %d\n" % len(raw) + raw + b"\n")


def commit(subject, paths):
    global time
    time += 3600
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer Roster Bench <bench@example.invalid> %d +0000\n" % time)
    data(subject + "\n")
    for path in paths:
        out.write(f"M 100644 inline {path}\n".encode("utf-8"))
        data(files[path])


def block_ends(text, header, indent):
    """Indexes of the last line of each `header` block (lines indented more than `indent`)."""
    lines = text.split("\n")
    ends = []
    for i, line in enumerate(lines):
        if line == header:
            j = i + 1
            while j + 1 < len(lines) and lines[j + 1].startswith(" " * (indent + 1)) and lines[j + 1].strip():
                j += 1
            ends.append(j)
    return ends


mark = re.compile(r" \(benchmark edit \d+\)$")


def edit_line(path, index, n):
    lines = files[path].split("\n")
    lines[index] = mark.sub("", lines[index]) + f" (benchmark edit {n})"
    files[path] = "\n".join(lines)


commit("Shipped records", sorted(files))
expected.append("Shipped records\t*")
files["NOTES.txt"] = ""
chair_notes = block_ends(files["records/chairs.yaml"], "    note: >-", 4)
source_notes = block_ends(files["records/sources.yaml"], "    note: >-", 4)
document = None
for n in range(1, count + 1):
    turn = (n - 1) % 4
    if turn == 0:
        path = members[(n // 4) % len(members)]
        lines = files[path].split("\n")
        last = len(lines) - 1 - (lines[-1] == "")
        edit_line(path, last, n)
        member = os.path.basename(path)[: -len(".yaml")]
        subject, change = f"{n}: edit the note of member {member}", "member modified"
    elif turn == 1:
        path = "records/documents.yaml"
        if document is None:
            document = f"benchmark-paper-{n}"
            files[path] = files[path].rstrip("\n") + (
                f"\n  - id: {document}\n"
                f"    title: Benchmark paper {n}\n"
                "    language: en\n"
                "    kind: paper\n"
                "    published: 2010\n"
                "    sources:\n"
                "      - iom-gmg-page-fr\n"
            )
            subject, change = f"{n}: add document {document}", "documents added"
        else:
            files[path] = files[path][: files[path].index(f"  - id: {document}\n")]
            subject, change = f"{n}: remove document {document}", "documents removed"
            document = None
    elif turn == 2:
        path = "records/chairs.yaml"
        edit_line(path, chair_notes[(n // 4) % len(chair_notes)], n)
        subject, change = f"{n}: edit the note of a chair entry", "chairs modified"
    else:
        path = "records/sources.yaml"
        edit_line(path, source_notes[(n // 4) % len(source_notes)], n)
        subject, change = f"{n}: edit the note of a source", "sources modified"
    commit(subject, [path])
    expected.append(f"{subject}\t{change}")
    if n % 100 == 0:
        files["NOTES.txt"] += f"note {n}\n"
        commit(f"{n}: notes, no record", ["NOTES.txt"])

with open(expected_path, "w", encoding="utf-8") as f:
    f.write("".join(line + "\n" for line in reversed(expected)))
PY
git -C "$history" fast-import --quiet < "$scratch/stream"
git -C "$history" reset -q --hard
end=$(date +%s.%N)
total=$(git -C "$history" rev-list --count HEAD)
touching=$(git -C "$history" rev-list --count HEAD -- records schemas)
awk -v s="$start" -v e="$end" -v t="$total" -v r="$touching" \
    'BEGIN { printf "history: %d commits, %d of them touching records/ or schemas/, made in %.1f s\n", t, r, e - s }'

cmd=("$roster" log --root "$history" --format json)

echo "== the log"
status=0
"${cmd[@]}" > "$scratch/log.json" || status=$?
if [[ $status -ne 0 ]]; then
    echo "FAIL: roster log exited with $status"
    exit 1
fi
python3 - "$scratch/log.json" "$scratch/expected.txt" "$touching" <<'PY'
import collections, json, sys

with open(sys.argv[1], encoding="utf-8") as f:
    log = json.load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    expected = [line.split("\t") for line in f.read().splitlines()]
touching = int(sys.argv[3])
listed = log["commits"]
print(f"commits listed: {len(listed)} (touching records/ or schemas/: {touching})")
problems = []
if len(listed) != touching or len(listed) != len(expected):
    problems.append(f"{len(listed)} commits listed, {touching} touched the records")
kinds = collections.Counter()
for commit, (subject, change) in zip(listed, expected):
    changes = commit["report"]["changes"]
    got = sorted({f"{c['kind']} {c['change']}" for c in changes})
    kinds.update(got)
    if commit["subject"] != subject:
        problems.append(f"commit `{commit['subject']}` listed where `{subject}` was expected")
        break
    if change == "*":
        if not changes or any(c["change"] != "added" for c in changes):
            problems.append(f"the first commit should add every record, not {got}")
    elif len(changes) != 1 or got != [change]:
        problems.append(f"commit `{subject}`: {got} where one `{change}` was expected")
print("commits by change: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
if problems:
    print("FAIL: " + "; ".join(problems[:5]))
    sys.exit(1)
print(f"commit count: {len(listed)} as expected, each with the change it made")
PY

echo "== roster log --format json > /dev/null, $runs runs"
time_runs 0 "$runs" "$scratch/times.txt" "${cmd[@]}"
rss_kb=$(peak_rss_kb "$gnu_time" "${cmd[@]}")

report_runs "$scratch/times.txt"
awk -v median="$median" -v rss="$rss_kb" -v c="$touching" '
    BEGIN {
        printf "median wall: %.3f s for %d commits: %.0f commits per second\n", median, c, c / median
        printf "peak RSS: %.1f MB\n", rss * 1024 / 1e6
    }'

#!/usr/bin/env bash
# Scale benchmark for `roster diff` (docs/architecture.md, diff bar: "two revisions of 100,000
# synthetic records with 1 % changed are compared in under 1 s"). Generates a records tree
# with benches/gen-synthetic.py (10,000 members and 90,000 chair terms: 100,000 records),
# copies it, changes 1 % of the records in the copy (1 % of the members get a new English
# name, 1 % of the chair terms get a note), then times
# `roster diff --old-dir OLD --new-dir NEW --format json > /dev/null`: median wall time of
# several runs, peak resident memory, and whether the report names exactly the records that
# were changed. Prints MEETS or MISSES for the 1 s bar; the bar does not set the exit status.
# Exit 1 when the report does not list the changed records (or lists others), or when
# roster fails.
#
# Usage: benches/diff-scale.sh
# Environment:
#   ROSTER_BENCH_DIR      folder for the two trees (old/, new/), reused when both are there;
#                         default: a temporary folder, removed at the end
#   ROSTER_BENCH_MEMBERS  members to generate (default 10000)
#   ROSTER_BENCH_TERMS    chair terms to generate (default 90000)
#   ROSTER_BENCH_SEED     seed for the choice of chairs (default 1)
#   ROSTER_BENCH_RUNS     timed runs (default 5), after one warm-up run
#   ROSTER_BENCH_GNU_TIME GNU time binary for the peak memory (default /usr/bin/time; a
#                         missing path selects a python3 wrapper reading ru_maxrss)
#
# Timing uses `hyperfine -N` when it is installed, else a python3 loop with
# time.perf_counter.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benches/measure.sh
source "$repo/benches/measure.sh"
members=${ROSTER_BENCH_MEMBERS:-10000}
terms=${ROSTER_BENCH_TERMS:-90000}
seed=${ROSTER_BENCH_SEED:-1}
runs=${ROSTER_BENCH_RUNS:-5}
gnu_time=${ROSTER_BENCH_GNU_TIME:-/usr/bin/time}

build_release
bench_folders roster-diff-bench
old="$dir/old"
new="$dir/new"

# The changes, one per line as "KIND ID" in the form the JSON report names them, are kept in
# $dir/changed.txt so that a reused pair of trees is checked against the right list.
if [[ -f "$old/records/chairs.yaml" && -f "$new/records/chairs.yaml" && -f "$dir/changed.txt" ]]; then
    echo "== dataset: reusing $old and $new"
else
    echo "== generate: $members members, $terms terms, seed $seed"
    start=$(date +%s.%N)
    rm -rf -- "$old" "$new"
    python3 "$repo/benches/gen-synthetic.py" "$old" --members "$members" --terms "$terms" --seed "$seed"
    cp -a -- "$old" "$new"
    # Change 1 % of the members and 1 % of the chair terms, evenly spread, deterministically:
    # member i*step gets " (renamed)" after its English name; term j*step gets a note.
    python3 - "$new" "$dir/changed.txt" <<'PY'
import os, re, sys

root, listing = sys.argv[1], sys.argv[2]
records = os.path.join(root, "records")
changed = []

members_dir = os.path.join(records, "members")
ids = sorted(name[:-5] for name in os.listdir(members_dir) if name.endswith(".yaml"))
count = max(1, len(ids) // 100)
step = len(ids) // count
for member in ids[step - 1 :: step][:count]:
    path = os.path.join(members_dir, member + ".yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r"(?m)^(  en: Synthetic Member \d+)$", r"\1 (renamed)", text, count=1)
    if n != 1:
        sys.exit(f"diff-scale: no English name in {path}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    changed.append(f"member {member}")

path = os.path.join(records, "chairs.yaml")
with open(path, encoding="utf-8") as f:
    lines = f.read().split("\n")
terms = [i for i, line in enumerate(lines) if line.startswith("  - {chair: ")]
count = max(1, len(terms) // 100)
step = len(terms) // count
term = re.compile(r"^  - \{chair: (\S+), start: (\S+), end: (\S+), .*\}$")
for k, i in enumerate(terms[step - 1 :: step][:count]):
    m = term.match(lines[i])
    if not m:
        sys.exit(f"diff-scale: unexpected chair line {i + 1}: {lines[i]}")
    lines[i] = lines[i][:-1] + f", note: Changed by the diff benchmark ({k + 1}).}}"
    changed.append(f"chairs {m.group(1)} {m.group(2)}..{m.group(3)}")
with open(path, "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(lines))

with open(listing, "w", encoding="utf-8") as f:
    f.write("".join(line + "\n" for line in sorted(changed)))
print(f"diff-scale: changed {len(changed)} records in {root}", file=sys.stderr)
PY
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "generation: %.1f s\n", e - s }'
fi

member_count=$(find "$old/records/members" -name '*.yaml' | wc -l)
term_count=$(grep -c '^  - {chair: ' "$old/records/chairs.yaml")
records=$((member_count + term_count))
expected=$(wc -l < "$dir/changed.txt")
bytes=$(find "$old/records" -type f -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
awk -v m="$member_count" -v t="$term_count" -v c="$expected" -v b="$bytes" \
    'BEGIN { printf "dataset: %d records per side (%d members, %d chair terms), %.1f MB per side; %d records changed (%.2f %%)\n", m + t, m, t, b / 1e6, c, 100 * c / (m + t) }'

cmd=("$roster" diff --old-dir "$old" --new-dir "$new" --format json)

echo "== the report"
status=0
"${cmd[@]}" > "$scratch/report.json" || status=$?
if [[ $status -ne 0 ]]; then
    echo "FAIL: roster diff exited with $status"
    exit 1
fi
python3 - "$scratch/report.json" "$dir/changed.txt" <<'PY'
import collections, json, sys

with open(sys.argv[1], encoding="utf-8") as f:
    report = json.load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    expected = set(f.read().split("\n")) - {""}
changes = report["changes"]
found = {f"{c['kind']} {c['id']}" for c in changes}
kinds = collections.Counter((c["kind"], c["change"]) for c in changes)
print("summary:", report["summary"])
print("changed records in the report:", len(changes), "(" + ", ".join(f"{n} {k} {c}" for (k, c), n in sorted(kinds.items())) + ")")
consequences = report["consequences"]
print("consequences:", ", ".join(f"{len(v)} {k}" for k, v in consequences.items()))
problems = []
if len(changes) != len(expected):
    problems.append(f"{len(changes)} changes reported, {len(expected)} made")
missing, extra = sorted(expected - found), sorted(found - expected)
if missing:
    problems.append(f"{len(missing)} changed records not reported, e.g. {missing[:3]}")
if extra:
    problems.append(f"{len(extra)} records reported that were not changed, e.g. {extra[:3]}")
if any(c["change"] != "modified" or len(c["fields"]) != 1 for c in changes):
    problems.append("some change is not a modification of one field")
if any(consequences.values()):
    problems.append("the report lists consequences; the changes have none")
if problems:
    print("FAIL: " + "; ".join(problems))
    sys.exit(1)
print(f"change count: {len(changes)} as expected")
PY

echo "== roster diff --old-dir OLD --new-dir NEW --format json > /dev/null, $runs runs"
time_runs 1 "$runs" "$scratch/times.txt" "${cmd[@]}"
rss_kb=$(peak_rss_kb "$gnu_time" "${cmd[@]}")

report_runs "$scratch/times.txt"
awk -v median="$median" -v rss="$rss_kb" -v r="$records" '
    BEGIN {
        printf "median wall: %.3f s (%.0f records per second of one side)\n", median, r / median
        printf "peak RSS: %.1f MB\n", rss * 1024 / 1e6
        printf "bar (under 1 s for 100,000 records, 1 %% changed): %s\n", (median < 1 ? "MEETS" : "MISSES")
    }'

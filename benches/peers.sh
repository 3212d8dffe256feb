#!/usr/bin/env bash
# Peer benchmark (issue 16): `roster check` against two general JSON Schema validators,
# ajv-cli (with ajv-formats) and check-jsonschema, on the same records trees, interleaved in one
# run; then roster alone on growing trees, to show that its time and memory grow linearly.
#
# Trees: the shipped records (records/ and schemas/ of this repository), and one synthetic tree
# made by benches/gen-synthetic.py for each count in ROSTER_PEERS_TERMS (by default 10,000
# members with 10,000 terms, and with 1,000,000 terms, about 118 MB). Each round runs, on one
# tree and in turn: roster, ajv-cli, check-jsonschema and `cat` of the same files (the floor),
# so that a change of load during the run hits every tool alike. The table gives the median,
# min and max wall time, the peak resident memory and the time against roster's.
#
# The peers only check each file against its schema; roster also runs its consistency rules
# (ids, references, sources, the rules about time). ajv-cli reads YAML with js-yaml 3, a YAML
# 1.1 reader that turns an unquoted 2010-07-01 into a Date, which fails `type: string`, so it
# reads a copy of each tree with its dates quoted, made once before the timing; it also gets a
# copy of the schemas with an `$id` each, without which it cannot resolve
# `defs.schema.json#/$defs/...`, and runs with --strict=false, so that a format it does not
# know (one that roster defines itself) is ignored, as check-jsonschema ignores it, instead of
# failing the schema. check-jsonschema 0.39 loads dates as strings and resolves the references
# from the schema file's path, so it reads the trees as roster does.
#
# Usage: benches/peers.sh
# Environment:
#   ROSTER_PEERS_DIR          where the peers are installed, and reused when their pinned
#                             versions match (default $HOME/.cache/roster-peers)
#   ROSTER_BENCH_DIR          folder for the trees, kept and reused (default: a temporary
#                             folder, removed at the end)
#   ROSTER_PEERS_QUICK        1: small trees and 2 rounds, a smoke test of about a minute
#   ROSTER_PEERS_MEMBERS      members of the synthetic trees (default 10000; quick 100)
#   ROSTER_PEERS_TERMS        chair terms of each synthetic peer tree (default "10000 1000000";
#                             quick "100 1000")
#   ROSTER_PEERS_SCALE_TERMS  chair terms of the roster-only scaling trees (default
#                             "100000 300000 1000000"; quick "10000 20000 40000")
#   ROSTER_PEERS_ROUNDS       rounds on trees of fewer than 100,000 terms (default 5; quick 2)
#   ROSTER_PEERS_ROUNDS_LARGE rounds on trees of 100,000 terms or more (default 3; quick 2)
#   ROSTER_PEERS_TIMEOUT      seconds before a run is killed (default 120); a peer killed once
#                             on a tree is not run again on it
#   ROSTER_PEERS_MEM_MB       resident memory in MB above which a run is killed (default 4096)
#   ROSTER_BENCH_SEED         seed for the choice of chairs (default 1)
#   ROSTER_BENCH_GNU_TIME     GNU time binary (default /usr/bin/time; a missing path selects the
#                             python3 fallback)
#
# Needs cargo, python3 (with venv), node and npm; the peers come from the npm registry and PyPI.
# A python3 driver runs the rounds: it times each run with time.perf_counter (GNU time shows
# wall time to 10 ms, too coarse for roster on the shipped records) and reads the peak resident
# memory from GNU time (`%M`, Debian package `time`) run around each command. Without GNU time
# it reads wait4's ru_maxrss itself, which then counts the driver's own memory (about 15 MB),
# copied into each child when it forks, as a floor.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benches/measure.sh
source "$repo/benches/measure.sh"

# Pinned peers. ajv and js-yaml are pinned beside ajv-cli because they are the validator and
# the YAML reader that ajv-cli's open ranges (^8, ^3.14) would otherwise pick; jsonschema and
# ruamel.yaml likewise for check-jsonschema.
ajv_cli_version=5.0.0
ajv_version=8.20.0
ajv_formats_version=3.0.1
js_yaml_version=3.15.2
check_jsonschema_version=0.39.0
jsonschema_version=4.26.0
ruamel_yaml_version=0.19.1

if [[ "${ROSTER_PEERS_QUICK:-0}" == 1 ]]; then
    members=${ROSTER_PEERS_MEMBERS:-100}
    peer_terms=${ROSTER_PEERS_TERMS:-100 1000}
    scale_terms=${ROSTER_PEERS_SCALE_TERMS:-10000 20000 40000}
    rounds=${ROSTER_PEERS_ROUNDS:-2}
    rounds_large=${ROSTER_PEERS_ROUNDS_LARGE:-2}
else
    members=${ROSTER_PEERS_MEMBERS:-10000}
    peer_terms=${ROSTER_PEERS_TERMS:-10000 1000000}
    scale_terms=${ROSTER_PEERS_SCALE_TERMS:-100000 300000 1000000}
    rounds=${ROSTER_PEERS_ROUNDS:-5}
    rounds_large=${ROSTER_PEERS_ROUNDS_LARGE:-3}
fi
timeout=${ROSTER_PEERS_TIMEOUT:-120}
mem_mb=${ROSTER_PEERS_MEM_MB:-4096}
seed=${ROSTER_BENCH_SEED:-1}
gnu_time=${ROSTER_BENCH_GNU_TIME:-/usr/bin/time}
peers_dir=${ROSTER_PEERS_DIR:-$HOME/.cache/roster-peers}

for tool in cargo python3 node npm; do
    command -v "$tool" >/dev/null 2>&1 || { echo "peers.sh: $tool is needed and not found" >&2; exit 2; }
done

began=$(date +%s)
echo "== roster peer benchmark"
echo "started: $(date '+%Y-%m-%d %H:%M:%S %Z'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"

build_release
bench_folders roster-peers

# Reused when the stamp lists the same pins (and the same python3 and node, which the venv and
# the packages were made with); otherwise both are installed afresh.
install_peers() {
    local stamp="$peers_dir/pins.txt" want
    want="ajv-cli@$ajv_cli_version ajv@$ajv_version ajv-formats@$ajv_formats_version js-yaml@$js_yaml_version"
    want+=" check-jsonschema==$check_jsonschema_version jsonschema==$jsonschema_version ruamel.yaml==$ruamel_yaml_version"
    want+=" $(python3 --version) node $(node --version)"
    ajv="$peers_dir/npm/node_modules/.bin/ajv"
    cjs="$peers_dir/venv/bin/check-jsonschema"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$ajv" && -x "$cjs" ]]; then
        echo "== peers: reusing $peers_dir"
        return
    fi
    echo "== peers: installing into $peers_dir"
    mkdir -p "$peers_dir"
    rm -rf -- "$peers_dir/npm" "$peers_dir/venv" "$stamp"
    npm install --prefix "$peers_dir/npm" --no-audit --no-fund --loglevel=error \
        "ajv-cli@$ajv_cli_version" "ajv@$ajv_version" "ajv-formats@$ajv_formats_version" \
        "js-yaml@$js_yaml_version"
    python3 -m venv "$peers_dir/venv"
    "$peers_dir/venv/bin/pip" install --quiet --disable-pip-version-check \
        "check-jsonschema==$check_jsonschema_version" "jsonschema==$jsonschema_version" \
        "ruamel.yaml==$ruamel_yaml_version"
    echo "$want" > "$stamp"
}
install_peers
echo "peers: $(node --version | sed 's/^v/node /'), $("$peers_dir/venv/bin/python" --version)"

# A tree is generated once into a folder named after its size and seed, and reused only when
# marked complete, so an interrupted generation is never taken for a whole tree.
generate() {
    local terms=$1 out="$dir/m$members-t$1-s$seed"
    if [[ -f "$out/.complete" ]]; then
        echo "tree $out: reusing" >&2
    else
        python3 "$repo/benches/gen-synthetic.py" "$out" --members "$members" --terms "$terms" --seed "$seed"
        touch "$out/.complete"
    fi
    echo "$out"
}

# Copies SRC/records to DST/records with every date that is a whole plain value (after `key: `,
# `- `, `[`, `{` or `, `) in double quotes, and links DST/schemas to this repository's schemas.
# It works on the text, not on the YAML, which is enough for these trees: a date inside a
# sentence is left alone (one standing alone between commas would be quoted, changing a note but
# nothing a schema checks). roster must pass on the copy as on the original; that is checked
# below, so a conversion that broke the records would stop the script.
quote_dates() {
    local src=$1 dst=$2
    [[ -f "$dst/.complete" ]] && return
    rm -rf -- "$dst/records" "$dst/.complete"
    python3 - "$src/records" "$dst/records" <<'PY'
import os, re, sys
src, dst = sys.argv[1], sys.argv[2]
date = re.compile(r'(?:(?<=[:,-] )|(?<=[\[{] )|(?<=[\[{]))(\d{4}-\d{1,2}-\d{1,2})(?=[ \t]*(?:\n|#|,|\]|\}|$))')
count = 0
for folder, _, files in os.walk(src):
    out = os.path.join(dst, os.path.relpath(folder, src))
    os.makedirs(out, exist_ok=True)
    for name in files:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        if name.endswith(".yaml"):
            text, n = date.subn(r'"\1"', text)
            count += n
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
print(f"quoted {count} dates in {dst}", file=sys.stderr)
PY
    ln -sfn "$repo/schemas" "$dst/schemas"
    touch "$dst/.complete"
}

must_pass() {
    local status=0
    "$roster" check --root "$1" --format json > /dev/null || status=$?
    if (( status != 0 )); then
        echo "FAIL: roster check --root $1 exited $status on a tree meant to be valid; first findings:"
        "$roster" check --root "$1" --color never 2>&1 | head -n 20 || true
        exit 1
    fi
}

echo "== trees"
rm -f -- "$dir/shipped-quoted/.complete" # the shipped records may have changed since
quote_dates "$repo" "$dir/shipped-quoted"
trees=("shipped records|$repo|$dir/shipped-quoted|$rounds")
for terms in $peer_terms; do
    tree=$(generate "$terms")
    quote_dates "$tree" "$tree-quoted"
    n=$rounds
    if (( terms >= 100000 )); then n=$rounds_large; fi
    trees+=("$members members, $terms terms|$tree|$tree-quoted|$n")
done
scale_trees=()
for terms in $scale_terms; do
    scale_trees+=("$terms|$(generate "$terms")")
done

# roster must pass on every tree, and on every copy with quoted dates (so the copies that
# ajv-cli reads hold the same records).
echo "== roster check on each tree and each quoted copy (exit 0 expected)"
for entry in "${trees[@]}"; do
    IFS='|' read -r _ root quoted _ <<< "$entry"
    must_pass "$root"
    must_pass "$quoted"
done

# ajv resolves `$ref`s by `$id` only; roster's schemas have none, so the copy gives each the
# URI of its own file name, under which `defs.schema.json#/...` resolves.
mkdir -p "$dir/peer-schemas"
python3 - "$repo/schemas" "$dir/peer-schemas" <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    if name.endswith(".json"):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            schema = json.load(f)
        schema = {"$id": f"https://roster.invalid/schemas/{name}", **schema}
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            json.dump(schema, f, indent=2)
PY

cat > "$scratch/driver.py" <<'PY'
"""Runs the benchmark rounds and prints the tables (called twice by benches/peers.sh)."""
import argparse, math, os, signal, statistics, subprocess, sys, threading, time

# Each kind of record file and its schema; every .yaml under records/ must be one of these, so
# that the peers check exactly the files roster reads.
KINDS = [
    ("group", "group.yaml"),
    ("member", "members/*.yaml"),
    ("chairs", "chairs.yaml"),
    ("working-groups", "working-groups.yaml"),
    ("documents", "documents.yaml"),
    ("sources", "sources.yaml"),
]


def record_files(root):
    """Returns {kind: [paths relative to root]}, the total size in bytes and the file count."""
    found, size, count = {}, 0, 0
    for folder, _, files in os.walk(os.path.join(root, "records")):
        for name in sorted(files):
            if not name.endswith(".yaml"):
                continue
            rel = os.path.relpath(os.path.join(folder, name), root)
            inside = os.path.relpath(rel, "records")
            kind = next((k for k, pattern in KINDS
                         if inside == pattern or (pattern.endswith("/*.yaml") and os.path.dirname(inside) == pattern[:-7])),
                        None)
            if kind is None:
                sys.exit(f"peers: {rel} is of no known kind, so the peers would not check it")
            found.setdefault(kind, []).append(rel)
            size += os.path.getsize(os.path.join(root, rel))
            count += 1
    return found, size, count


class Run:
    """One timed run of a tool: its steps (commands) one after another, as one measurement."""

    def __init__(self, wall, rss_kb, status, killed, log):
        self.wall, self.rss_kb, self.status, self.killed, self.log = wall, rss_kb, status, killed, log


def child_of(pid):
    """The pid of a child of pid (GNU time's one child, the tool), or None if none yet."""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    # The fields after the command name, which is in parentheses: state, ppid, ...
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        return int(entry)
            except (OSError, IndexError, ValueError):
                pass
    return None


def vm_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(steps, cwd, timeout, cap_kb, gnu_time, log):
    """Runs the steps in turn, each in a process group of its own, under GNU time when there is
    one: a child's peak memory (ru_maxrss) counts the memory of the process that forked it, and
    GNU time is small where this driver is some 15 MB. A watcher kills the group past the
    timeout (for the whole run) or the memory cap (for any one step)."""
    rss_file = log + ".rss"
    began = time.perf_counter()
    rss_kb, status, killed = 0, 0, None
    with open(log, "wb") as err:
        for argv in steps:
            if gnu_time:
                argv = [gnu_time, "-f", "%M", "-o", rss_file, "--", *argv]
            proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=err, start_new_session=True)
            done = threading.Event()
            reason, sampled = [], [0]

            def watch():
                tool = None if gnu_time else proc.pid
                while not done.wait(0.05):
                    if tool is None:
                        tool = child_of(proc.pid)
                    rss = vm_rss_kb(tool) if tool else 0
                    sampled[0] = max(sampled[0], rss)
                    why = ("timeout" if time.perf_counter() - began > timeout
                           else "memory cap" if rss > cap_kb else None)
                    if why:
                        reason.append(why)
                        try:
                            os.killpg(proc.pid, signal.SIGKILL)
                        except ProcessLookupError:
                            pass
                        return

            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            _, wait_status, usage = os.wait4(proc.pid, 0)
            done.set()
            watcher.join()
            proc.returncode = os.waitstatus_to_exitcode(wait_status)
            if reason:
                rss_kb = max(rss_kb, sampled[0])
                killed = reason[0]
                break
            if gnu_time:
                with open(rss_file) as f:
                    rss_kb = max(rss_kb, int(f.read().split()[-1]))
            else:
                rss_kb = max(rss_kb, usage.ru_maxrss)
            if proc.returncode != 0:
                status = proc.returncode
                break
    return Run(time.perf_counter() - began, rss_kb, status, killed, log)


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def fmt_time(s):
    if s < 1:
        return f"{s * 1000:.3g} ms"
    return f"{s:.0f} s" if s >= 100 else f"{s:.3g} s"


def fmt_mem(kb):
    mb = kb * 1024 / 1e6
    if mb >= 1000:
        return f"{mb / 1000:.2f} GB"
    return f"{mb:.0f} MB" if mb >= 100 else f"{mb:.1f} MB"


def fmt_ratio(r):
    return f"{r:.0f}x" if r >= 10 else f"{r:.2f}x"


def fail(tool, where, result):
    print(f"FAIL: {tool} on {where} exited {result.status} (kill: {result.killed}); its messages:")
    with open(result.log, encoding="utf-8", errors="replace") as f:
        print("".join(f.readlines()[:20]), end="")
    sys.exit(1)


def summary(results):
    """(median, min, max, peak) with a killed run counted as infinitely long."""
    walls = sorted(math.inf if r.killed else r.wall for r in results)
    return statistics.median(walls), walls[0], walls[-1], max(r.rss_kb for r in results)


def killed_text(results, timeout, cap_mb):
    kind = next(r.killed for r in results if r.killed)
    return f"> {timeout:g} s (timeout)" if kind == "timeout" else f"killed at {cap_mb:g} MB (memory cap)"


def fmt_size(size):
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"


def peers(args):
    cap_kb = args.mem_mb * 1e6 / 1024
    scratch = args.scratch
    rows = []
    for spec in args.tree:
        label, root, quoted, rounds = spec.split("|")
        rounds = int(rounds)
        files, size, count = record_files(root)
        quoted_files, _, quoted_count = record_files(quoted)
        if quoted_count != count:
            sys.exit(f"peers: {quoted} has {quoted_count} record files, {root} has {count}")
        ajv_steps = [
            [args.ajv, "validate", "--spec=draft2020", "--strict=false",
             "-s", os.path.join(args.peer_schemas, f"{kind}.schema.json"),
             "-r", os.path.join(args.peer_schemas, "defs.schema.json"),
             "-c", "ajv-formats", "-d", os.path.join("records", pattern)]
            for kind, pattern in KINDS if kind in quoted_files
        ]
        cjs_steps = [
            [args.cjs, "--schemafile", os.path.join(root, "schemas", f"{kind}.schema.json"), *files[kind]]
            for kind, _ in KINDS if kind in files
        ]
        tools = [
            ("roster", "as is", root, [[args.roster, "check", "--root", root, "--format", "json"]], True),
            (args.ajv_label, "quoted dates", quoted, ajv_steps, False),
            (args.cjs_label, "as is", root, cjs_steps, False),
            ("cat (floor)", "as is", root, [["cat", *[p for k, _ in KINDS for p in files.get(k, [])]]], True),
        ]
        where = f"{label} ({count} files, {fmt_size(size)})"
        print(f"== {where}: {rounds} rounds of {', '.join(t[0] for t in tools)}; load average {load()}", flush=True)
        results = {t[0]: [] for t in tools}
        for i in range(1, rounds + 1):
            parts = []
            for name, _, cwd, steps, must in tools:
                if any(r.killed for r in results[name]):
                    parts.append(f"{name} skipped")
                    continue
                r = run(steps, cwd, args.timeout, cap_kb, args.gnu_time, os.path.join(scratch, "run.log"))
                if (r.killed and must) or r.status != 0:
                    fail(name, where, r)
                results[name].append(r)
                shown = f"killed ({r.killed}) after {fmt_time(r.wall)}" if r.killed else fmt_time(r.wall)
                parts.append(f"{name} {shown}, {fmt_mem(r.rss_kb)}")
            print(f"round {i}/{rounds}: " + "; ".join(parts), flush=True)
        roster_median = summary(results["roster"])[0]
        for n, (name, reads, _, steps, _) in enumerate(tools):
            med, low, high, peak = summary(results[name])
            if math.isinf(med):
                # A run killed for its memory has no time to compare; one killed at the timeout
                # took longer than the timeout.
                timed_out = any(r.killed == "timeout" for r in results[name])
                cells = [killed_text(results[name], args.timeout, args.mem_mb), "-", "-",
                         f"{fmt_mem(peak)} at kill",
                         f"> {fmt_ratio(args.timeout / roster_median)}" if timed_out else "-"]
            else:
                cells = [fmt_time(med), fmt_time(low),
                         fmt_time(high) if not math.isinf(high) else killed_text(results[name], args.timeout, args.mem_mb),
                         fmt_mem(peak), fmt_ratio(med / roster_median)]
            rows.append([where if n == 0 else "", name, reads, f"{len(steps)}"] + cells)

    print()
    print("| tree | tool | reads | processes | median | min | max | peak RSS | time / roster |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print("roster checks the schemas and its consistency rules (ids, references, sources, time);")
    print("the peers check each file against its schema only. ajv-cli reads a copy with quoted dates")
    print("(its YAML 1.1 reader makes unquoted dates Date objects) and schemas with an $id each;")
    print("check-jsonschema reads the records as roster does. Both run once per schema (processes).")
    print("peak RSS: the largest resident memory of one process of the run (ru_maxrss).")


def scale(args):
    cap_kb = args.mem_mb * 1e6 / 1024
    sizes = []
    for spec in args.tree:
        terms, root = spec.split("|")
        sizes.append((int(terms), root, record_files(root)[1], []))
    # Rounds go over every size in turn, as for the peers, so that a change of load during the
    # run does not pass for a change of growth.
    for i in range(1, args.rounds + 1):
        parts = []
        for terms, root, _, results in sizes:
            r = run([[args.roster, "check", "--root", root, "--format", "json"]], root, args.timeout, cap_kb,
                    args.gnu_time, os.path.join(args.scratch, "run.log"))
            if r.killed or r.status != 0:
                fail("roster", root, r)
            results.append(r)
            parts.append(f"{terms} terms {fmt_time(r.wall)}, {fmt_mem(r.rss_kb)}")
        print(f"round {i}/{args.rounds}: " + "; ".join(parts) + f"; load average {load()}", flush=True)
    rows = []
    for terms, _, size, results in sizes:
        med, low, high, peak = summary(results)
        rows.append((terms, size, med, low, high, peak))
    print()
    print("| terms | MB | median | min | max | peak RSS | time per term | memory per term |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for terms, size, med, low, high, peak in rows:
        print(f"| {terms} | {size / 1e6:.1f} | {fmt_time(med)} | {fmt_time(low)} | {fmt_time(high)} | {fmt_mem(peak)}"
              f" | {med / terms * 1e6:.2f} µs | {peak * 1024 / terms:.0f} B |")
    print()
    first, last = rows[0], rows[-1]
    for what, index in (("time", 2), ("memory", 5)):
        ratio = (last[index] / last[0]) / (first[index] / first[0])
        verdict = "LINEAR" if ratio <= 1.5 else "NOT LINEAR"
        print(f"{what} per term at {last[0]} terms is {ratio:.2f}x that at {first[0]} (linear: at most 1.5x): {verdict}")
    for (t0, _, m0, _, _, p0), (t1, _, m1, _, _, p1) in zip(rows, rows[1:]):
        print(f"from {t0} to {t1} terms: {(m1 - m0) / (t1 - t0) * 1e6:.2f} µs and "
              f"{(p1 - p0) * 1024 / (t1 - t0):.0f} B per added term")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["peers", "scale"])
    parser.add_argument("--roster", required=True)
    parser.add_argument("--ajv")
    parser.add_argument("--ajv-label")
    parser.add_argument("--cjs")
    parser.add_argument("--cjs-label")
    parser.add_argument("--peer-schemas")
    parser.add_argument("--tree", action="append", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, required=True)
    parser.add_argument("--mem-mb", type=float, required=True)
    parser.add_argument("--scratch", required=True)
    parser.add_argument("--gnu-time", default="")
    args = parser.parse_args()
    peers(args) if args.mode == "peers" else scale(args)


main()
PY

if [[ -x "$gnu_time" ]]; then
    memory="peak memory from $gnu_time"
else
    memory="peak memory from wait4 (no GNU time: figures include about 15 MB of the driver)"
    gnu_time=
fi
echo "== interleaved rounds (timeout ${timeout} s, memory cap ${mem_mb} MB, $memory)"
tree_args=()
for entry in "${trees[@]}"; do
    tree_args+=(--tree "$entry")
done
python3 "$scratch/driver.py" peers --roster "$roster" --scratch "$scratch" --gnu-time "$gnu_time" \
    --ajv "$ajv" --ajv-label "ajv-cli $ajv_cli_version" \
    --cjs "$cjs" --cjs-label "check-jsonschema $check_jsonschema_version" \
    --peer-schemas "$dir/peer-schemas" --timeout "$timeout" --mem-mb "$mem_mb" "${tree_args[@]}"

echo
echo "== scaling: roster alone, $members members, $rounds_large rounds over the sizes"
tree_args=()
for entry in "${scale_trees[@]}"; do
    tree_args+=(--tree "$entry")
done
python3 "$scratch/driver.py" scale --roster "$roster" --scratch "$scratch" --gnu-time "$gnu_time" --rounds "$rounds_large" \
    --timeout "$timeout" --mem-mb "$mem_mb" "${tree_args[@]}"

echo
echo "finished: $(date '+%Y-%m-%d %H:%M:%S %Z'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(( $(date +%s) - began )) s in all"

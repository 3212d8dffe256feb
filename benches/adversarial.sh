#!/usr/bin/env bash
# Hostile shapes: `roster check` must take time linear in the size of its input, whatever the
# input (issue 12). For each shape of benches/gen-adversarial.py (N unknown keys, N duplicate
# ids, N overlapping terms, N gaps, N silences, N members each failing every rule a member file
# can, N identical findings, N findings on one long line), it builds a tree of size N and one
# of size 4N, times `roster check --root DIR --format F --max-per-rule 0` in the human and JSON
# formats (every finding rendered; the fastest of a few runs, output to /dev/null), and fails
# when going from N to 4N multiplies the time by more than 6: linear work multiplies it by
# about 4, quadratic work by 16. The time judged is processor time (user and system, all
# threads), which waits for a busy machine's cores do not inflate; wall time is printed too. Before timing, it checks
# that the JSON report of the 4N tree has at least N findings of the shape's rule, so that a
# shape that stopped making its findings cannot pass unnoticed, and that roster exits 1
# (findings), never 2 (the tool failing) or with a signal.
#
# Run:
#   benches/adversarial.sh                            # the sizes CI runs, about a minute
#   ROSTER_BENCH_SCALE=4 benches/adversarial.sh       # every N four times larger
#   ROSTER_BENCH_SHAPES="gaps silences" benches/adversarial.sh
#
# Environment:
#   ROSTER_BENCH_SCALE     multiplies every shape's N (default 1)
#   ROSTER_BENCH_SHAPES    the shapes to run, separated by spaces (default: all)
#   ROSTER_BENCH_RUNS      timed runs of each command; the fastest counts (default 3)
#   ROSTER_BENCH_RATIO     the largest time ratio from N to 4N that passes (default 6)
#   ROSTER_BENCH_DIR       keep the trees in this folder (default: a temporary one)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benches/measure.sh
source "$repo/benches/measure.sh"

build_release
bench_folders roster-adversarial

# shellcheck disable=SC2154 # $roster, $dir are set by measure.sh
python3 - "$roster" "$repo/benches/gen-adversarial.py" "$dir" <<'PY'
import json
import os
import subprocess
import sys
import time

roster, generator, root = sys.argv[1:4]
scale = float(os.environ.get("ROSTER_BENCH_SCALE", "1"))
runs = int(os.environ.get("ROSTER_BENCH_RUNS", "3"))
bar = float(os.environ.get("ROSTER_BENCH_RATIO", "6"))
# Each shape's N for CI: the 4N tree takes a few tenths of a second when the work is linear,
# large enough that quadratic work would show as a ratio of 16.
SHAPES = {
    "unknown-keys": (20_000, "S001"),
    "duplicate-ids": (10_000, "R001"),
    "overlapping-terms": (10_000, "T004"),
    "gaps": (10_000, "T003"),
    "silences": (10_000, "R006"),
    "failing-members": (1_000, "R005"),
    "identical-findings": (20_000, "Y003"),
    "one-line": (20_000, "S001"),
}
chosen = os.environ.get("ROSTER_BENCH_SHAPES", "").split() or list(SHAPES)
unknown = [s for s in chosen if s not in SHAPES]
if unknown:
    sys.exit(f"adversarial: unknown shapes {unknown}; the shapes are {list(SHAPES)}")


def tree(shape, n):
    out = os.path.join(root, f"{shape}-{n}")
    if not os.path.isdir(out):
        subprocess.run([sys.executable, generator, out, shape, str(n)], check=True, stdout=subprocess.DEVNULL)
    return out


def run(args, stdout):
    done = subprocess.run([roster, "check", "--color", "never", *args], stdout=stdout, stderr=subprocess.PIPE)
    if done.returncode != 1:
        sys.exit(
            f"adversarial: `roster check {' '.join(args)}` exited with {done.returncode}, not 1:\n"
            + done.stderr.decode(errors="replace")[:2000]
        )
    return done


def fastest(args):
    """The least processor time (user and system, all threads) and wall time of `runs` runs.

    Processor time is what is judged: on a machine shared with other jobs, wall time also
    counts the waits for a core, which have nothing to do with the input."""
    best_cpu = best_wall = None
    for _ in range(runs):
        began = time.perf_counter()
        child = subprocess.Popen(
            [roster, "check", "--color", "never", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - began
        if os.waitstatus_to_exitcode(status) != 1:
            sys.exit(f"adversarial: `roster check {' '.join(args)}` exited with {os.waitstatus_to_exitcode(status)}, not 1")
        cpu = usage.ru_utime + usage.ru_stime
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        best_wall = wall if best_wall is None else min(best_wall, wall)
    return best_cpu, best_wall


failed = []
print(f"processor time (user + system), the least of {runs} runs; wall time in brackets")
print(f"{'shape':<20} {'format':<6} {'N':>7} {'t(N) s':>15} {'t(4N) s':>15} {'ratio':>6}")
for shape in chosen:
    base_n, code = SHAPES[shape]
    n = max(1, int(base_n * scale))
    small, large = tree(shape, n), tree(shape, 4 * n)
    report = json.loads(run(["--root", large, "--format", "json"], subprocess.PIPE).stdout)
    found = sum(1 for d in report["diagnostics"] if d["code"] == code)
    # Half the silences lack their reason; the other shapes make one finding per item.
    wanted = 4 * n // 2 if shape == "silences" else 4 * n
    if found < wanted:
        sys.exit(f"adversarial: {shape} at 4N = {4 * n} made {found} {code} findings, expected {wanted}")
    for fmt in ("human", "json"):
        # Every finding is rendered: the cap of the human format would hide a renderer that is
        # not linear.
        args = ["--format", fmt, "--max-per-rule", "0"]
        (t_small, w_small) = fastest(["--root", small, *args])
        (t_large, w_large) = fastest(["--root", large, *args])
        ratio = t_large / t_small
        verdict = "" if ratio <= bar else f"  FAILS (over {bar:g})"
        if ratio > bar:
            failed.append(f"{shape} {fmt}")
        print(
            f"{shape:<20} {fmt:<6} {n:>7} {t_small:>6.3f} ({w_small:>6.3f}) {t_large:>6.3f} ({w_large:>6.3f})"
            f" {ratio:>6.1f}{verdict}",
            flush=True,
        )
if failed:
    sys.exit(f"adversarial: time grows faster than linearly for: {', '.join(failed)}")
print(f"adversarial: every shape within a ratio of {bar:g} from N to 4N")
PY

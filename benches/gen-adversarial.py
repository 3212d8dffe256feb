#!/usr/bin/env python3
"""Generate a records tree of one hostile shape, for benches/adversarial.sh.

    benches/gen-adversarial.py OUT_DIR SHAPE N

OUT_DIR gets records/ and schemas/ (a symlink to this repository's schemas/). The base is the
small valid tree of benches/gen-synthetic.py (4 members, 4 chair terms; for `gaps`, 2N terms),
so this script depends on the records format only as much as that one does. Each shape then
adds N of one thing that makes findings, written where a finding about it points back at an
earlier line whenever the rule does so:

  unknown-keys        N keys that the group's schema does not allow, in group.yaml (S001)
  duplicate-ids       N sources with the id of the first source, in sources.yaml (R001)
  overlapping-terms   N chair terms over the days of the first term, in chairs.yaml (T004)
  gaps                2N contiguous terms with every other one removed: N gaps (T003)
  silences            N keys in group.yaml, each silenced on its line, every other silence
                      without its reason (R006)
  failing-members     N member files, each failing every rule a member file can: a repeated
                      key, a YAML 1.1 boolean, an unknown key, a dangling source, an acronym
                      taken, a file name that is not its id, joined before it was founded
  identical-findings  N items `NO` in a member's sources: the same two findings N times
                      (Y003, R002)
  one-line            a member file that is one flow mapping on one line, with N unknown keys
                      with accented values (S001): every finding on one long, non-ASCII line

Prints the number of bytes of records written. Python standard library only.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPES = (
    "unknown-keys",
    "duplicate-ids",
    "overlapping-terms",
    "gaps",
    "silences",
    "failing-members",
    "identical-findings",
    "one-line",
)


def append(path, text):
    with open(path, "a", encoding="utf-8", newline="\n") as f:
        f.write(text)


def base(out_dir, terms):
    subprocess.run(
        [sys.executable, os.path.join(HERE, "gen-synthetic.py"), out_dir, "--members", "4", "--terms", str(terms)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def member(member_id, acronym, extra=""):
    return (
        "# yaml-language-server: $schema=../../schemas/member.schema.json\n"
        f"id: {member_id}\n"
        "name:\n"
        f"  en: Member {member_id}\n"
        f"  fr: Membre {member_id}\n"
        "acronym:\n"
        f"  en: {acronym}\n"
        f"  fr: {acronym}\n"
        "joined: 1000-01-01\n"
        "founded: 1000-01-01\n"
        f"{extra}"
    )


def generate(out_dir, shape, n):
    records = os.path.join(out_dir, "records")
    if shape == "gaps":
        base(out_dir, 2 * n)
        path = os.path.join(records, "chairs.yaml")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines(keepends=True)
        terms = [i for i, line in enumerate(lines) if line.startswith("  - {chair:")]
        dropped = set(terms[1::2])
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(line for i, line in enumerate(lines) if i not in dropped)
        return
    base(out_dir, 4)
    if shape == "unknown-keys":
        append(os.path.join(records, "group.yaml"), "".join(f"unknown_{i}: x\n" for i in range(n)))
    elif shape == "duplicate-ids":
        append(
            os.path.join(records, "sources.yaml"),
            "".join(
                f"  - id: synthetic\n    title: Duplicate {i}\n    language: en\n    accessed: 2025-01-01\n"
                for i in range(n)
            ),
        )
    elif shape == "overlapping-terms":
        append(
            os.path.join(records, "chairs.yaml"),
            "".join(
                "  - {chair: m00001, start: 1000-01-01, end: 1000-01-03, irregular: overlap, sources: [synthetic]}\n"
                for _ in range(n)
            ),
        )
    elif shape == "silences":
        append(
            os.path.join(records, "group.yaml"),
            "".join(
                f"unknown_{i}: x  # roster: allow S001" + (" -- generated\n" if i % 2 == 0 else "\n")
                for i in range(n)
            ),
        )
    elif shape == "failing-members":
        members = os.path.join(records, "members")
        for i in range(n):
            extra = (
                "joined: 1000-01-01\n"  # repeated key
                "founded: 1500\n"  # after it joined
                "flag: NO\n"  # unknown key, YAML 1.1 boolean
                "sources:\n  - no-such-source\n"
            )
            text = member(f"zz-{i}-member", "M00001", extra)
            # The file is not named after the id, and the first `founded` is kept: drop it so
            # that the later one stands.
            text = text.replace("founded: 1000-01-01\n", "", 1)
            with open(os.path.join(members, f"zz{i}.yaml"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    elif shape == "identical-findings":
        path = os.path.join(records, "members", "m00001.yaml")
        append(path, "".join("  - NO\n" for _ in range(n)))
    elif shape == "one-line":
        fields = [
            "id: wide",
            "name: {en: Wide, fr: Large}",
            "acronym: {en: WIDE, fr: LARGE}",
            "joined: 1000-01-01",
            "founded: 1000-01-01",
            "sources: [synthetic]",
        ] + [f"unknown_{i}: é" for i in range(n)]
        with open(os.path.join(records, "members", "wide.yaml"), "w", encoding="utf-8", newline="\n") as f:
            f.write("{" + ", ".join(fields) + "}\n")
    else:
        sys.exit(f"gen-adversarial: unknown shape `{shape}` (one of {', '.join(SHAPES)})")


def size(records):
    total = 0
    for folder, _, files in os.walk(records):
        for name in files:
            total += os.path.getsize(os.path.join(folder, name))
    return total


def main(argv):
    if len(argv) != 4 or argv[2] not in SHAPES or not argv[3].isdigit():
        sys.exit(f"usage: gen-adversarial.py OUT_DIR SHAPE N  (SHAPE: {', '.join(SHAPES)})")
    out_dir, shape, n = argv[1], argv[2], int(argv[3])
    generate(out_dir, shape, n)
    print(size(os.path.join(out_dir, "records")))


if __name__ == "__main__":
    main(sys.argv)

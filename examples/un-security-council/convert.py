#!/usr/bin/env python3
"""Regenerate the UN Security Council example records from the two datasets of 2015.

Writes, under examples/un-security-council/records/:

- chairs.yaml: the presidency of December 2014 (before the records' coverage, so that the
  rotation of January 2015 can be checked), then one term per row of the presidency CSV, in
  order, at month precision;
- members/<id>.yaml: one file per row of the members CSV, and one for each seat holder that a
  member of 2015 continues (the USSR, the Republic of China).

group.yaml, sources.yaml, working-groups.yaml and documents.yaml are written by hand and are
not touched.

Usage:
    python3 examples/un-security-council/convert.py [PRESIDENCY_CSV [MEMBERS_CSV]]

The CSVs default to unsc_presidency_2015.csv and unsc_members_2015.csv in ../shared/datasets/
beside the repository. Python 3 standard library only. The script stops with an error, and
writes nothing, if a holder is not a member, a member's seat is not `permanent` or `elected`, a
row names no source the records know, a presidency is not one whole month, or the months do not
follow each other.
"""

import calendar
import csv
import datetime
import os
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATASETS = os.path.join(os.path.dirname(REPO), "shared", "datasets")
RECORDS = os.path.join(HERE, "records")

CHARTER = "un-charter"

# What a row's source text names, and the id of that source in records/sources.yaml.
SOURCES_NAMED = [
    ("Security Council Presidency in 2015", "unsc-presidency-2015"),
    ("Countries Elected Members of the Security Council", "unsc-elected-members"),
    ("Charter of the United Nations, Article 23", CHARTER),
    ("GA resolution 2758 (XXVI)", "ga-resolution-2758"),
    ("letter of its President to the Secretary-General", "russian-federation-letter-1991"),
]

# The member ids, by the name the datasets give.
IDS = {
    "Angola": "angola",
    "Chad": "chad",
    "Chile": "chile",
    "China": "china",
    "France": "france",
    "Jordan": "jordan",
    "Lithuania": "lithuania",
    "Malaysia": "malaysia",
    "New Zealand": "new-zealand",
    "Nigeria": "nigeria",
    "Russian Federation": "russian-federation",
    "Spain": "spain",
    "United Kingdom": "united-kingdom",
    "United States": "united-states",
    "Venezuela (Bolivarian Republic of)": "venezuela",
}

# A seat held by one state before a member of 2015, by the member's name in the datasets: the
# first day the member held it, a note for the member, and the earlier holder's id, name,
# acronym, first day, sources and note.
CONTINUED = {
    "China": {
        "took_over": "1971-10-25",
        "note": (
            "Holds the permanent seat of China named in Article 23 of the Charter, which the "
            "Republic of China held before it (continues: republic-of-china): the People's "
            "Republic of China has represented China in the United Nations since the General "
            "Assembly's resolution 2758 (XXVI) of 25 October 1971, which recognised its "
            "representatives as the only lawful representatives of China."
        ),
        "id": "republic-of-china",
        "name": "Republic of China",
        "acronym": None,
        "since": "1945-10-24",
        "sources": [CHARTER, "ga-resolution-2758"],
        "before_note": (
            "Named in Article 23 of the Charter as a permanent member, and held China's seat "
            "from the Charter's entry into force on 24 October 1945 until the General Assembly, "
            "by resolution 2758 (XXVI) of 25 October 1971, recognised the representatives of "
            "the People's Republic of China as the only lawful representatives of China in the "
            "United Nations. The records keep the Charter's name for this holder of the seat, "
            "and the datasets' name, China, for the member of 2015, so that the two can be told "
            "apart. Its last day is written as 24 October 1971, the day before the resolution, "
            "which the records take as the first day of the People's Republic (the dataset says "
            "the Republic of China held the seat until 1971-10-25, the day of the resolution)."
        ),
    },
    "Russian Federation": {
        "took_over": "1991-12-24",
        "note": (
            "Holds the permanent seat that the USSR held before it (continues: ussr), from 24 "
            "December 1991 (the dataset, citing the letter of the Russian President to the "
            "Secretary-General): one seat of Article 23 of the Charter, held in turn."
        ),
        "id": "ussr",
        "name": "Union of Soviet Socialist Republics",
        "acronym": "USSR",
        "since": "1945-10-24",
        "sources": [CHARTER, "russian-federation-letter-1991"],
        "before_note": (
            "A permanent member named in Article 23 of the Charter, from the Charter's entry "
            "into force on 24 October 1945. The Russian Federation has held its seat since 24 "
            "December 1991 (the dataset, citing the letter of the Russian President to the "
            "Secretary-General); the records end the USSR's membership the day before."
        ),
    },
}

PERMANENT_NOTE = (
    "A permanent member named in Article 23 of the Charter, a member from the Charter's entry "
    "into force on 24 October 1945."
)
ELECTED_NOTE = (
    "An elected member: the General Assembly elects the ten non-permanent members for two-year "
    "terms (Charter, Article 23). The records hold the term that covers 2015; earlier terms on "
    "the Council, if any, lie outside the records' coverage and are not recorded."
)

# The presidency before the first row: December 2014, stated by the project's notes on the
# datasets. It lies before the coverage and is kept as the predecessor of January 2015.
BEFORE = ("chad", "2014-12", "dataset-notes")
BEFORE_NOTE = (
    "Before the records' coverage (2015): kept so that the rotation of January 2015 can be "
    "checked against the presidency before it. The project's notes on the datasets state it; "
    "the other presidencies of 2014 are not recorded."
)


def fail(message):
    sys.exit(f"convert.py: {message}")


def wrapped(key, text, indent=0):
    """`key: >-` and the text below it, folded to lines of at most 95 characters."""
    width = 95 - indent - 2
    body = textwrap.wrap(text, width=width, break_on_hyphens=False)
    return [" " * indent + f"{key}: >-"] + [" " * (indent + 2) + line for line in body]


def sources_named(number, text):
    ids = [ident for phrase, ident in SOURCES_NAMED if phrase in text]
    if not ids:
        fail(f"row {number}: its source names no source of records/sources.yaml: {text!r}")
    return ids


def whole_month(number, first, last):
    """The month a presidency runs, counted from year 0, after checking that the row's first and
    last days are those of one calendar month."""
    try:
        year, month = int(first[:4]), int(first[5:7])
        days = calendar.monthrange(year, month)[1]
    except (ValueError, calendar.IllegalMonthError):
        fail(f"row {number}: {first!r} is not a day")
    if (first, last) != (f"{year:04}-{month:02}-01", f"{year:04}-{month:02}-{days:02}"):
        fail(f"row {number}: {first}..{last} is not one whole month")
    return year * 12 + month - 1


def chairs_yaml(rows, members):
    out = [
        "# yaml-language-server: $schema=../../../schemas/chairs.schema.json",
        "# Generated by examples/un-security-council/convert.py from",
        "# shared/datasets/unsc_presidency_2015.csv: do not edit by hand, edit the script and run",
        "# it again. The first entry, December 2014, comes from the script itself (the project's",
        "# notes on the datasets); then one entry per row of the CSV, in its order. The CSV gives",
        "# each presidency's first and last day, always a whole calendar month; the records keep",
        "# the month.",
        "chairs:",
        f"  - chair: {BEFORE[0]}",
        f"    start: {BEFORE[1]}",
        f"    end: {BEFORE[1]}",
        "    sources:",
        f"      - {BEFORE[2]}",
    ]
    out += wrapped("note", BEFORE_NOTE, 4)
    year, month = map(int, BEFORE[1].split("-"))
    previous = year * 12 + month - 1
    for number, row in enumerate(rows, start=2):
        holder = row["holder"].strip()
        if holder not in members:
            fail(f"row {number}: {holder!r} is not in the members CSV")
        month = whole_month(number, row["start"], row["end"])
        if month != previous + 1:
            fail(f"row {number}: {row['start']} does not follow the previous presidency")
        previous = month
        when = f"{month // 12:04}-{month % 12 + 1:02}"
        out += [f"  - chair: {IDS[holder]}", f"    start: {when}", f"    end: {when}"]
        out.append("    sources:")
        out += [f"      - {s}" for s in sources_named(number, row["source"])]
    return "\n".join(out) + "\n"


def member_yaml(ident, name, seat, lines, sources, note, acronym=None):
    out = [
        "# yaml-language-server: $schema=../../../../schemas/member.schema.json",
        "# Generated by examples/un-security-council/convert.py: edit the script, not this file.",
        f"id: {ident}",
        "name:",
        f"  en: {name}",
    ]
    if acronym:
        out += ["acronym:", f"  en: {acronym}"]
    out += [f"seat: {seat}"] + lines + ["sources:"] + [f"  - {s}" for s in sources]
    out += wrapped("note", note)
    return "\n".join(out) + "\n"


def members_yaml(number, row):
    """The member file of one row, and the file of the seat's earlier holder, if any."""
    name, seat, first, last = row["member"].strip(), row["seat"], row["from"], row["until"]
    if name not in IDS:
        fail(f"row {number}: {name!r} has no id in IDS")
    sources = sources_named(number, row["source"])
    files = {}
    if seat == "elected":
        detail = row["source"].split(";", 1)[1].strip() if ";" in row["source"] else ""
        period = [f"  - joined: {first}"] + ([f"    left: {last}"] if last else [])
        period += ["    sources:"] + [f"      - {s}" for s in sources]
        if detail:
            period += wrapped("note", f"The dataset says: {detail}.", 4)
        lines = ["periods:"] + period
        cited = sources + [CHARTER]  # the note on elected members cites Article 23
        files[IDS[name]] = member_yaml(IDS[name], name, seat, lines, cited, ELECTED_NOTE)
    elif seat == "permanent":
        if last:
            fail(f"row {number}: a permanent member with an end of membership")
        note = PERMANENT_NOTE
        joined = first
        if name in CONTINUED:
            seat_before = CONTINUED[name]
            took_over, since = seat_before["took_over"], seat_before["since"]
            if took_over not in first + " " + row["source"]:
                fail(f"row {number}: the row does not give the day of the succession, {took_over}")
            if first not in (took_over, since):
                fail(f"row {number}: {first} is neither the seat's first day nor the successor's")
            joined = took_over
            note = seat_before["note"]
            end = datetime.date.fromisoformat(took_over) - datetime.timedelta(days=1)
            files[seat_before["id"]] = member_yaml(
                seat_before["id"],
                seat_before["name"],
                seat,
                [f"joined: {since}", f"left: {end.isoformat()}"],
                seat_before["sources"],
                seat_before["before_note"],
                seat_before["acronym"],
            )
            sources = sources + [s for s in seat_before["sources"] if s not in sources]
        lines = [f"joined: {joined}"]
        if name in CONTINUED:
            lines.append(f"continues: {CONTINUED[name]['id']}")
        files[IDS[name]] = member_yaml(IDS[name], name, seat, lines, sources, note)
    else:
        fail(f"row {number}: seat {seat!r} is neither permanent nor elected")
    return files


def read(path, columns):
    """The rows of a CSV file, after checking it has the columns the script reads."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            fail(f"{path}: no column {', '.join(missing)}")
        rows = list(reader)
    return rows or fail(f"{path}: no rows")


def main():
    arguments = sys.argv[1:] + [None, None]
    presidency = arguments[0] or os.path.join(DATASETS, "unsc_presidency_2015.csv")
    members = arguments[1] or os.path.join(DATASETS, "unsc_members_2015.csv")
    member_rows = read(members, ["member", "seat", "from", "until", "source"])
    files = {}
    for number, row in enumerate(member_rows, start=2):
        for ident, text in members_yaml(number, row).items():
            if ident in files:
                fail(f"row {number}: {ident} is written twice")
            files[ident] = text
    presidency_rows = read(presidency, ["holder", "start", "end", "source"])
    chairs = chairs_yaml(presidency_rows, {r["member"].strip() for r in member_rows})

    # Every file the script owns, by its path under records/; a member file it does not make
    # is left for a person to remove, never deleted.
    written = {"chairs.yaml": chairs}
    written.update((f"members/{ident}.yaml", text) for ident, text in sorted(files.items()))
    os.makedirs(os.path.join(RECORDS, "members"), exist_ok=True)
    stale = sorted(
        f"members/{name}"
        for name in os.listdir(os.path.join(RECORDS, "members"))
        if f"members/{name}" not in written
    )
    if stale:
        fail(f"records/{stale[0]} is not made by this script: remove it by hand if stale")
    for path, text in written.items():
        with open(os.path.join(RECORDS, path), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote records/chairs.yaml and {len(files)} member files")


if __name__ == "__main__":
    main()

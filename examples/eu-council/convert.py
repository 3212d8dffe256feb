#!/usr/bin/env python3
"""Regenerate the EU Council example records from the presidency datasets.

Writes, under examples/eu-council/records/:

- chairs.yaml: one term per row of the CSV of presidencies held, in order, at month
  precision; then, marked `planned: true`, one term per row of the CSV of Council Decision (EU)
  2016/1316 that comes after them;
- members/<id>.yaml: one file per member state, from the MEMBERS table below.

group.yaml, sources.yaml, working-groups.yaml and documents.yaml are written by hand and are
not touched.

Usage:
    python3 examples/eu-council/convert.py [CSV [DECISION_CSV]]

CSV defaults to ../shared/datasets/eu_council_presidency_1958_2020.csv beside the repository
(the shared/ folder every developer and CI has next to the project), DECISION_CSV to
eu_council_presidency_2017_2030_decision_2016_1316.csv beside it. Python 3 standard library
only. The script stops with an error, and writes nothing, if a CSV has a holder it cannot map,
a presidency that does not run from the first day of a month to the last day of a month, or a
row out of order; or if a presidency of the decision that falls within the presidencies held
is not the one held.
"""

import calendar
import csv
import datetime
import os
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CSV = os.path.join(
    os.path.dirname(REPO), "shared", "datasets", "eu_council_presidency_1958_2020.csv"
)
DEFAULT_DECISION_CSV = os.path.join(
    os.path.dirname(REPO),
    "shared",
    "datasets",
    "eu_council_presidency_2017_2030_decision_2016_1316.csv",
)
RECORDS = os.path.join(HERE, "records")

CHAIRS_SOURCE = "ebuddj-eu-presidency"
MEMBER_SOURCE = "eu-member-countries"

# What the source column of the decision's CSV names, the id of that source in
# records/sources.yaml, and the years of presidencies it gives (the decision and the page that
# reproduces it give all of 2017-2030; the two pages that confirm them, the years they list).
DECISION_SOURCES = [
    ("Council Decision (EU) 2016/1316", "council-decision-2016-1316", 2017, 2030),
    ("(eaccny.com chapter news)", "eaccny-presidency-order-2016", 2017, 2030),
    ("mmm.fi 'Presidencies' (2022-2030)", "mmm-fi-presidencies", 2022, 2030),
    (
        "eda.admin.ch 'Presidencies of the Council of the EU' (2023-2030)",
        "eda-eu-presidencies",
        2023,
        2030,
    ),
]

# The accession rounds: joined date -> sentence for the member's note.
ROUNDS = {
    "1958-01-01": (
        "A founding member: the Treaty of Rome establishing the European Economic Community "
        "entered into force on 1 January 1958."
    ),
    "1973-01-01": (
        "Joined on 1 January 1973, in the first enlargement (Denmark, Ireland, the United "
        "Kingdom; accession treaty of 1972)."
    ),
    "1981-01-01": "Joined on 1 January 1981, alone (accession treaty of 1979).",
    "1986-01-01": (
        "Joined on 1 January 1986, in the enlargement of Spain and Portugal (accession treaty "
        "of 1985)."
    ),
    "1995-01-01": (
        "Joined on 1 January 1995, in the enlargement of Austria, Finland and Sweden "
        "(accession treaty of 1994)."
    ),
    "2004-05-01": (
        "Joined on 1 May 2004, one of the ten states of the 2004 enlargement (accession "
        "treaty of 2003)."
    ),
    "2007-01-01": (
        "Joined on 1 January 2007, in the enlargement of Bulgaria and Romania (accession "
        "treaty of 2005)."
    ),
    "2013-07-01": "Joined on 1 July 2013, alone (accession treaty of 2011).",
}

ACRONYM_NOTE = (
    "The acronym is the state's ISO 3166-1 alpha-2 code, the same in English and French."
)

# id, names the dataset uses for the holder, English name, French name, ISO 3166-1 alpha-2,
# joined, left (or None), extra note (or None), extra sources.
MEMBERS = [
    ("belgium", ["Belgium"], "Belgium", "Belgique", "BE", "1958-01-01", None, None, []),
    (
        "germany",
        ["West Germany", "Germany"],
        "Germany",
        "Allemagne",
        "DE",
        "1958-01-01",
        None,
        'The dataset (ebuddj-eu-presidency) calls the holder "West Germany" for its '
        'presidencies up to 1988 and "Germany" from 1994. The membership of the Federal '
        "Republic of Germany continued through German reunification "
        "on 3 October 1990, which brought the territory of the former German Democratic "
        "Republic into the Communities without an accession of its own; one member record "
        "covers both periods.",
        [CHAIRS_SOURCE],
    ),
    ("france", ["France"], "France", "France", "FR", "1958-01-01", None, None, []),
    ("italy", ["Italy"], "Italy", "Italie", "IT", "1958-01-01", None, None, []),
    ("luxembourg", ["Luxembourg"], "Luxembourg", "Luxembourg", "LU", "1958-01-01", None, None, []),
    ("netherlands", ["Netherlands"], "Netherlands", "Pays-Bas", "NL", "1958-01-01", None, None, []),
    ("denmark", ["Denmark"], "Denmark", "Danemark", "DK", "1973-01-01", None, None, []),
    ("ireland", ["Ireland"], "Ireland", "Irlande", "IE", "1973-01-01", None, None, []),
    (
        "united-kingdom",
        ["United Kingdom"],
        "United Kingdom",
        "Royaume-Uni",
        "GB",
        "1973-01-01",
        "2020-01-31",
        "Left the European Union at the end of 31 January 2020, its last day as a member "
        "state; it was not represented in the Council during the transition period that "
        "followed, to the end of 2020. The EU's own abbreviation for the state is UK; the "
        "records keep the ISO code GB, as for every other member.",
        [],
    ),
    (
        "greece",
        ["Greece"],
        "Greece",
        "Grèce",
        "GR",
        "1981-01-01",
        None,
        "The EU's own abbreviation for the state is EL; the records keep the ISO code GR, as "
        "for every other member.",
        [],
    ),
    ("spain", ["Spain"], "Spain", "Espagne", "ES", "1986-01-01", None, None, []),
    ("portugal", ["Portugal"], "Portugal", "Portugal", "PT", "1986-01-01", None, None, []),
    ("austria", ["Austria"], "Austria", "Autriche", "AT", "1995-01-01", None, None, []),
    ("finland", ["Finland"], "Finland", "Finlande", "FI", "1995-01-01", None, None, []),
    ("sweden", ["Sweden"], "Sweden", "Suède", "SE", "1995-01-01", None, None, []),
    ("cyprus", ["Cyprus"], "Cyprus", "Chypre", "CY", "2004-05-01", None, None, []),
    (
        "czech-republic",
        ["Czechia", "Czech Republic"],
        "Czech Republic",
        "République tchèque",
        "CZ",
        "2004-05-01",
        None,
        'The dataset (ebuddj-eu-presidency) calls the holder by the short name "Czechia" '
        "(French Tchéquie); the records keep the formal name.",
        [CHAIRS_SOURCE],
    ),
    ("estonia", ["Estonia"], "Estonia", "Estonie", "EE", "2004-05-01", None, None, []),
    ("hungary", ["Hungary"], "Hungary", "Hongrie", "HU", "2004-05-01", None, None, []),
    ("latvia", ["Latvia"], "Latvia", "Lettonie", "LV", "2004-05-01", None, None, []),
    ("lithuania", ["Lithuania"], "Lithuania", "Lituanie", "LT", "2004-05-01", None, None, []),
    ("malta", ["Malta"], "Malta", "Malte", "MT", "2004-05-01", None, None, []),
    ("poland", ["Poland"], "Poland", "Pologne", "PL", "2004-05-01", None, None, []),
    ("slovakia", ["Slovakia"], "Slovakia", "Slovaquie", "SK", "2004-05-01", None, None, []),
    ("slovenia", ["Slovenia"], "Slovenia", "Slovénie", "SI", "2004-05-01", None, None, []),
    ("bulgaria", ["Bulgaria"], "Bulgaria", "Bulgarie", "BG", "2007-01-01", None, None, []),
    ("romania", ["Romania"], "Romania", "Roumanie", "RO", "2007-01-01", None, None, []),
    ("croatia", ["Croatia"], "Croatia", "Croatie", "HR", "2013-07-01", None, None, []),
]

# Plain scalars that a YAML 1.1 reader turns into booleans (roster's Y003): any acronym in
# this set is written quoted.
YAML11_LOOKALIKES = {
    s
    for w in ("y", "yes", "n", "no", "on", "off", "true", "false")
    for s in (w, w.upper(), w.capitalize())
}


def scalar(text):
    return "'%s'" % text if text in YAML11_LOOKALIKES else text


def folded(key, text, indent):
    """A `key: >-` block with the text wrapped at 95 columns."""
    pad = " " * indent
    lines = textwrap.wrap(text, width=95 - indent - 2, break_on_hyphens=False)
    return [f"{pad}{key}: >-"] + [f"{pad}  {line}" for line in lines]


def fail(message):
    sys.exit(f"convert.py: {message}")


def month_span(row_number, start, end):
    """The CSV's first and last day as (YYYY-MM, YYYY-MM), checking they are whole months."""
    try:
        s = datetime.date.fromisoformat(start)
        e = datetime.date.fromisoformat(end)
    except ValueError as error:
        fail(f"row {row_number}: bad date: {error}")
    if s.day != 1:
        fail(f"row {row_number}: start {start} is not the first day of a month")
    if e.day != calendar.monthrange(e.year, e.month)[1]:
        fail(f"row {row_number}: end {end} is not the last day of a month")
    if e < s:
        fail(f"row {row_number}: end {end} before start {start}")
    return f"{s.year:04}-{s.month:02}", f"{e.year:04}-{e.month:02}", s, e


def term(member, holder, start, end, sources, planned=False):
    """The lines of one presidency."""
    out = [f"  - chair: {member[0]}", f"    start: {start}", f"    end: {end}"]
    if planned:
        out.append("    planned: true")
    out.append("    sources:")
    out.extend(f"      - {source}" for source in sources)
    if holder != member[2]:
        out.append(f'    note: The dataset names the holder "{holder}".')
    return out


def decision_sources(row_number, text, year):
    """The sources of a row of the decision's CSV that give the presidencies of `year`."""
    sources = []
    for phrase, ident, first, last in DECISION_SOURCES:
        if phrase not in text:
            fail(f"decision row {row_number}: the source does not name {phrase!r}")
        if first <= year <= last:
            sources.append(ident)
    return sources


def chairs_yaml(rows, decision_rows):
    by_name = {}
    for member in MEMBERS:
        for dataset_name in member[1]:
            by_name[dataset_name] = member

    def holder_of(label, row_number, row):
        holder = row["holder"].strip()
        if holder not in by_name:
            fail(f"{label} {row_number}: holder {holder!r} maps to no member id")
        return holder, by_name[holder]

    out = [
        "# yaml-language-server: $schema=../../../schemas/chairs.schema.json",
        "# Generated by examples/eu-council/convert.py from",
        "# shared/datasets/eu_council_presidency_1958_2020.csv (the presidencies held) and",
        "# shared/datasets/eu_council_presidency_2017_2030_decision_2016_1316.csv (the order",
        "# Council Decision (EU) 2016/1316 fixed for 2017-2030): do not edit by hand, edit the",
        "# script and run it again. One entry per row of the first CSV, in its order, then one",
        "# entry, marked planned, per row of the second that comes after them; the rows of the",
        "# second for 2017-2020 are the presidencies held, which the script checks. The CSVs",
        "# give each presidency's first and last day (inclusive), always the first and the last",
        "# day of a month; the records keep them at month precision (1958-01 .. 1958-06), which",
        "# says the same and keeps the rotation check simple: six-month terms starting in January",
        "# or July.",
        "chairs:",
    ]
    previous_end = None
    held = {}
    for number, row in enumerate(rows, start=2):
        holder, member = holder_of("row", number, row)
        start, end, s, e = month_span(number, row["start"], row["end"])
        if previous_end is not None and s <= previous_end:
            fail(f"row {number}: starts {row['start']}, before the previous row ended")
        previous_end = e
        held[start, end] = member[0]
        out.extend(term(member, holder, start, end, [CHAIRS_SOURCE]))
    planned = agreed = 0
    for number, row in enumerate(decision_rows, start=2):
        holder, member = holder_of("decision row", number, row)
        start, end, s, e = month_span(number, row["start"], row["end"])
        sources = decision_sources(number, row["source"], s.year)
        if s <= previous_end:
            if held.get((start, end)) != member[0]:
                fail(
                    f"decision row {number}: {member[0]} for {start}..{end}, but the "
                    f"presidencies held give {held.get((start, end))}"
                )
            agreed += 1
            continue
        if s != previous_end + datetime.timedelta(days=1):
            fail(f"decision row {number}: does not start the day after the previous presidency")
        previous_end = e
        planned += 1
        out.extend(term(member, holder, start, end, sources, planned=True))
    first = month_span(2, decision_rows[0]["start"], decision_rows[0]["end"])[0]
    if agreed != sum(1 for start, _ in held if start >= first):
        fail(f"the decision leaves out a presidency held from {first} on")
    return "\n".join(out) + "\n", agreed, planned


def member_yaml(member):
    ident, _, en, fr, iso, joined, left, extra, extra_sources = member
    out = [
        "# yaml-language-server: $schema=../../../../schemas/member.schema.json",
        "# Generated by examples/eu-council/convert.py: edit the script, not this file.",
        f"id: {ident}",
        "name:",
        f"  en: {en}",
        f"  fr: {fr}",
        "acronym:",
        f"  en: {scalar(iso)}",
        f"  fr: {scalar(iso)}",
        f"joined: {joined}",
    ]
    if left:
        out.append(f"left: {left}")
    out.append("sources:")
    for source in [MEMBER_SOURCE] + extra_sources:
        out.append(f"  - {source}")
    note = ROUNDS[joined] + " " + ACRONYM_NOTE
    if extra:
        note += " " + extra
    out.extend(folded("note", note, 0))
    return "\n".join(out) + "\n"


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        fail(f"{path}: no rows")
    return rows


def main():
    rows = read_rows(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CSV)
    decision_rows = read_rows(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_DECISION_CSV)
    ids = [m[0] for m in MEMBERS]
    if len(set(ids)) != len(ids):
        fail("duplicate member id in MEMBERS")
    if len({m[4] for m in MEMBERS}) != len(MEMBERS):
        fail("duplicate acronym in MEMBERS")
    chairs, agreed, planned = chairs_yaml(rows, decision_rows)
    members = {m[0]: member_yaml(m) for m in MEMBERS}

    members_dir = os.path.join(RECORDS, "members")
    os.makedirs(members_dir, exist_ok=True)
    for name in os.listdir(members_dir):
        if name.endswith(".yaml") and name[:-5] not in members:
            fail(f"records/members/{name} is not in MEMBERS: remove it by hand if it is stale")
    with open(os.path.join(RECORDS, "chairs.yaml"), "w", encoding="utf-8") as f:
        f.write(chairs)
    for ident, text in members.items():
        with open(os.path.join(members_dir, ident + ".yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    print(
        f"wrote records/chairs.yaml ({len(rows)} terms held, {planned} planned; the decision's "
        f"first {agreed} presidencies are the ones held) and {len(members)} member files"
    )


if __name__ == "__main__":
    main()

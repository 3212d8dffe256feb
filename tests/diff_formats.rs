//! Every output format of `roster diff`, rendered from reports built by hand.
//!
//! The reports are written out here rather than computed from two revisions, so that these
//! snapshots change only when a renderer does. The main one holds one of each thing a reader
//! meets: an added, a removed and a renamed member, a French name with a changed word, a chair
//! term that moved, an added document, a new error, a fixed warning, a member count that
//! changed and days of the rotation that lost their chair.

use roster::diag::{Certainty, Severity};
use roster::diff::{
    field_changes, record_fields, CertaintyChange, ChangeKind, Consequences, CountChange,
    FieldChange, Finding, MemberCount, Period, RecordChange, Report, VERSION,
};
use roster::load::workspace::Kind;
use roster::report::diff::{render, DiffFormat};
use roster::report::RenderOptions;
use serde_json::{json, Value};

fn change(
    kind: Kind,
    id: &str,
    label: &str,
    change: ChangeKind,
    file: &str,
    line: usize,
    fields: Vec<FieldChange>,
) -> RecordChange {
    RecordChange {
        kind,
        id: id.to_string(),
        label: label.to_string(),
        change,
        renamed_from: None,
        file: file.to_string(),
        line,
        fields,
    }
}

fn main_report() -> Report {
    let mut renamed = change(
        Kind::Member,
        "unhcr",
        "member `unhcr`",
        ChangeKind::Renamed,
        "records/members/unhcr.yaml",
        2,
        field_changes(
            &json!({"id": "hcr", "acronym": {"en": "HCR"}}),
            &json!({"id": "unhcr", "acronym": {"en": "UNHCR"}}),
        ),
    );
    renamed.renamed_from = Some("hcr".to_string());
    Report {
        version: VERSION,
        old: "HEAD".to_string(),
        new: "working tree".to_string(),
        summary: "1 member added, 1 member removed, 1 member renamed, 1 field changed in \
                  1 member, 1 field changed in 1 chair entry, 1 document added; 1 new error, \
                  1 warning fixed, 1 error silenced, 1 error new under a silence, \
                  1 uncertain finding made certain, member counts changed, chair coverage lost"
            .to_string(),
        changes: vec![
            change(
                Kind::Member,
                "iom",
                "member `iom`",
                ChangeKind::Modified,
                "records/members/iom.yaml",
                2,
                field_changes(
                    &json!({"name": {"fr": "Organisation mondiale pour les migrations"},
                            "note": "IOM joined in 2003. The sources do not say how, so the \
                                     date is left open. It chaired twice."}),
                    &json!({"name": {"fr": "Organisation internationale pour les migrations"},
                            "note": "IOM joined in 2003. The sources still do not say how, so \
                                     the date is left open. It chaired in 2007 and in 2013."}),
                ),
            ),
            renamed,
            change(
                Kind::Member,
                "unitar",
                "member `unitar`",
                ChangeKind::Removed,
                "records/members/unitar.yaml",
                2,
                record_fields(
                    &json!({"id": "unitar", "joined": "2006", "sources": ["iom-gmg-page-fr"],
                            "note": "Listed on the page of 2006."}),
                    false,
                ),
            ),
            change(
                Kind::Member,
                "who",
                "member `who`",
                ChangeKind::Added,
                "records/members/who.yaml",
                2,
                record_fields(
                    &json!({"id": "who", "name": {"en": "World Health Organization"},
                            "joined": "2018-01/2018-06", "sources": ["gmg-2018-report"],
                            "note": "The 2018 report lists WHO among the members; it names no \
                                     day, so the window is the first half of the year."}),
                    true,
                ),
            ),
            change(
                Kind::Chairs,
                "iom 2007-02..2007-06",
                "term of `iom` 2007-02..2007-06 (was term of `iom` 2007-01..2007-06)",
                ChangeKind::Modified,
                "records/chairs.yaml",
                18,
                field_changes(&json!({"start": "2007-01"}), &json!({"start": "2007-02"})),
            ),
            change(
                Kind::Documents,
                "iom-chairmanship-report-2007-h1",
                "document `iom-chairmanship-report-2007-h1`",
                ChangeKind::Added,
                "records/documents.yaml",
                18,
                Vec::new(),
            ),
        ],
        consequences: Consequences {
            introduced: vec![Finding {
                code: "T006",
                name: "chair-not-member",
                severity: Severity::Error,
                certainty: Certainty::Certain,
                message: "`unitar` chaired 2009-07..2009-12 but is not a member".to_string(),
                file: "records/chairs.yaml".to_string(),
                line: 52,
                column: 12,
                silenced_by: None,
            }],
            fixed: vec![Finding {
                code: "R003",
                name: "missing-source",
                severity: Severity::Warning,
                certainty: Certainty::Certain,
                message: "the member `hcr` cites no source".to_string(),
                file: "records/members/hcr.yaml".to_string(),
                line: 2,
                column: 1,
                silenced_by: None,
            }],
            silenced: vec![Finding {
                code: "R002",
                name: "dangling-reference",
                severity: Severity::Error,
                certainty: Certainty::Certain,
                message: "no source has the id `ceb-directory`".to_string(),
                file: "records/members/iom.yaml".to_string(),
                line: 14,
                column: 5,
                silenced_by: Some("records/members/iom.yaml:14".to_string()),
            }],
            under_silence: vec![Finding {
                code: "T007",
                name: "joined-before-founded",
                severity: Severity::Error,
                certainty: Certainty::Certain,
                message: "`un-women` joined in 2009 but was founded only on 2010-07-02".to_string(),
                file: "records/members/un-women.yaml".to_string(),
                line: 9,
                column: 9,
                silenced_by: Some("records/members/un-women.yaml:9".to_string()),
            }],
            became_certain: vec![CertaintyChange {
                was: Finding {
                    code: "T002",
                    name: "member-count-mismatch",
                    severity: Severity::Note,
                    certainty: Certainty::Possible,
                    message: "a claim says `16` members in `2010-12`, which is possibly wrong"
                        .to_string(),
                    file: "records/group.yaml".to_string(),
                    line: 98,
                    column: 5,
                    silenced_by: None,
                },
                now: Finding {
                    code: "T002",
                    name: "member-count-mismatch",
                    severity: Severity::Error,
                    certainty: Certainty::Certain,
                    message:
                        "a claim says `16` members in `2010-12`, but the member records have `15`"
                            .to_string(),
                    file: "records/group.yaml".to_string(),
                    line: 98,
                    column: 5,
                    silenced_by: None,
                },
            }],
            member_counts: vec![CountChange {
                start: "2010-01-01".to_string(),
                end: Some("2010-12-30".to_string()),
                old: Some(MemberCount {
                    certain: 14,
                    possible: 16,
                }),
                new: Some(MemberCount {
                    certain: 15,
                    possible: 16,
                }),
            }],
            coverage_gained: Vec::new(),
            coverage_lost: vec![Period {
                start: "2007-01-01".to_string(),
                end: "2007-01-31".to_string(),
            }],
        },
    }
}

fn empty_report() -> Report {
    Report {
        version: VERSION,
        old: "HEAD".to_string(),
        new: "working tree".to_string(),
        summary: "no change to the records".to_string(),
        changes: Vec::new(),
        consequences: Consequences::default(),
    }
}

fn rendered(format: DiffFormat, report: &Report, color: bool) -> String {
    let mut out = Vec::new();
    let options = RenderOptions {
        color,
        ..RenderOptions::default()
    };
    render(format, report, &options, Default::default(), &mut out).expect("rendering succeeds");
    String::from_utf8(out).expect("output is UTF-8")
}

#[test]
fn human_plain() {
    let out = rendered(DiffFormat::Human, &main_report(), false);
    assert!(!out.contains('\x1b'), "plain output has ANSI escapes");
    insta::assert_snapshot!(out);
}

#[test]
fn human_colored() {
    let out = rendered(DiffFormat::Human, &main_report(), true);
    for (code, what) in [
        ("\x1b[1m", "bold"),
        ("\x1b[31m", "red"),
        ("\x1b[32m", "green"),
        ("\x1b[33m", "yellow"),
    ] {
        assert!(out.contains(code), "coloured output has no {what}");
    }
    // Colour replaces the word markers rather than adding to them.
    assert!(!out.contains("{+"), "coloured output has word markers");
    insta::assert_snapshot!(out);
}

#[test]
fn markdown() {
    let out = rendered(DiffFormat::Markdown, &main_report(), false);
    assert!(!out.contains('\x1b'));
    insta::assert_snapshot!(out);
}

#[test]
fn json() {
    let out = rendered(DiffFormat::Json, &main_report(), false);
    assert!(out.ends_with("}\n"));
    insta::assert_snapshot!(out);
}

#[test]
fn json_parses_and_keeps_the_summary() {
    let report = main_report();
    let out = rendered(DiffFormat::Json, &report, false);
    let value: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["version"], VERSION);
    assert_eq!(value["summary"], report.summary.as_str());
    assert_eq!(
        value["changes"].as_array().unwrap().len(),
        report.changes.len()
    );
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "version",
            "old",
            "new",
            "summary",
            "changes",
            "consequences"
        ]
    );
}

#[test]
fn an_empty_report_is_one_line_in_human() {
    let plain = rendered(DiffFormat::Human, &empty_report(), false);
    assert_eq!(plain, "HEAD → working tree: no change to the records\n");
    insta::assert_snapshot!(plain);
}

#[test]
fn an_empty_report_in_markdown() {
    insta::assert_snapshot!(rendered(DiffFormat::Markdown, &empty_report(), false));
}

#[test]
fn an_empty_report_in_json() {
    insta::assert_snapshot!(rendered(DiffFormat::Json, &empty_report(), false));
}

/// Text from the records can hold anything; in Markdown none of it may break the table, open
/// HTML or turn into emphasis, and a record with many changed fields folds them.
#[test]
fn awkward_values_are_escaped_in_markdown() {
    let report = Report {
        version: VERSION,
        old: "main".to_string(),
        new: "HEAD".to_string(),
        summary: "6 fields changed in 1 source".to_string(),
        changes: vec![change(
            Kind::Sources,
            "a|b",
            "source `a|b`",
            ChangeKind::Modified,
            "records/sources.yaml",
            7,
            field_changes(
                &json!({"title": "Pipes | and <b>tags</b>", "url": "https://example.org/a_b",
                         "note": "uses `code` and *stars*", "pages": [1, 2], "language": "en"}),
                &json!({"title": "Pipes | and <i>tags</i>", "url": "https://example.org/a_c",
                         "note": "uses ``double`` and *stars*", "pages": [1, 3],
                         "archived": true}),
            ),
        )],
        consequences: Consequences::default(),
    };
    let out = rendered(DiffFormat::Markdown, &report, false);
    assert!(out.contains("<details><summary>6 fields changed</summary>"));
    for line in out.lines().filter(|l| l.starts_with("| modified")) {
        let unescaped_pipes = line
            .match_indices('|')
            .filter(|(i, _)| *i == 0 || line.as_bytes()[i - 1] != b'\\');
        assert_eq!(unescaped_pipes.count(), 4, "a row has three cells: {line}");
    }
    assert!(!out.contains("<b>") && !out.contains("<i>"));
    insta::assert_snapshot!(out);
}

fn many_changes(n: usize) -> Report {
    let changes = (0..n)
        .map(|i| {
            let id = format!("member-{i:04}");
            if i % 3 == 0 {
                change(
                    Kind::Member,
                    &id,
                    &format!("member `{id}`"),
                    ChangeKind::Added,
                    &format!("records/members/{id}.yaml"),
                    2,
                    Vec::new(),
                )
            } else {
                change(
                    Kind::Member,
                    &id,
                    &format!("member `{id}`"),
                    ChangeKind::Modified,
                    &format!("records/members/{id}.yaml"),
                    2,
                    field_changes(
                        &json!({"name": {"en": "Old name of the organisation", "fr": "Ancien"},
                                 "joined": "2003", "left": "2010", "founded": 1950}),
                        &json!({"name": {"en": "New name of the organisation", "fr": "Nouveau"},
                                 "joined": "2004", "left": "2011", "founded": 1951}),
                    ),
                )
            }
        })
        .collect();
    let mut report = main_report();
    report.summary = format!("{n} members changed; 1 new error");
    report.changes = changes;
    report
}

#[test]
fn markdown_stays_under_the_comment_limit() {
    let report = many_changes(5_000);
    let out = rendered(DiffFormat::Markdown, &report, false);
    assert!(
        out.chars().count() <= 65_536,
        "{} characters",
        out.chars().count()
    );
    assert!(
        out.len() <= 60_000,
        "cut below the budget: {} bytes",
        out.len()
    );

    let rows = out
        .lines()
        .filter(|l| l.starts_with("| added") || l.starts_with("| modified"))
        .count();
    assert!(rows > 100, "only {rows} rows shown");
    let note = format!(
        "_This report shows {rows} of 5000 record changes: the last {} did not fit in GitHub's \
         comment limit. `roster diff --format json` gives them all._",
        5000 - rows
    );
    assert_eq!(out.lines().last(), Some(note.as_str()));
    assert_eq!(
        out.matches("<details>").count(),
        out.matches("</details>").count(),
        "every <details> is closed"
    );
    // What the change breaks is kept whole.
    assert!(out.contains("| new error | `T006` |"));
    assert!(out.contains("| lost | 2007-01-01..2007-01-31 |"));
}

#[test]
fn markdown_stays_under_the_comment_limit_with_many_findings() {
    let mut report = many_changes(10);
    let finding = report.consequences.introduced[0].clone();
    report.consequences.introduced = vec![finding; 5_000];
    let out = rendered(DiffFormat::Markdown, &report, false);
    assert!(
        out.chars().count() <= 65_536,
        "{} characters",
        out.chars().count()
    );
    assert!(out.contains(" more findings are left out to fit GitHub's comment limit; "));
    assert!(out.contains("| lost | 2007-01-01..2007-01-31 |"));
    // Ten changes are few enough to be shown whole.
    assert!(!out.contains("This report shows"));
    assert_eq!(
        out.lines().filter(|l| l.starts_with("| modified")).count(),
        6
    );
}

#[test]
fn a_short_report_is_not_cut() {
    let out = rendered(DiffFormat::Markdown, &many_changes(30), false);
    assert!(!out.contains("This report shows"));
    assert!(out.contains("<details><summary>30 record changes</summary>"));
}

/// Record text goes to a terminal: a value holding an escape sequence or a line break must
/// neither colour the screen nor break the layout.
#[test]
fn control_characters_in_records_are_shown_escaped() {
    let mut report = empty_report();
    report.summary = "1 field changed in 1 member".to_string();
    report.changes = vec![change(
        Kind::Member,
        "x\u{1b}[2J",
        "member `x\u{1b}[2J`",
        ChangeKind::Modified,
        "records/members/x.yaml",
        2,
        field_changes(
            &json!({"note": "one line\nand \u{1b}[31mred"}),
            &json!({"note": "one line\nand \u{1b}[32mgreen"}),
        ),
    )];
    let out = rendered(DiffFormat::Human, &report, false);
    assert!(!out.contains('\x1b'), "{out}");
    // The summary, a blank line, the heading, the record and its field (a short note, changed
    // word by word in place).
    assert_eq!(out.lines().count(), 5, "{out}");
    assert!(out.contains("member `x\\u001b[2J`"), "{out}");
}

/// A note rewritten past its 200th character: every changed sentence is shown whole, old and
/// new, in every format, and a report over the comment limit drops whole records, never a
/// part of a value.
#[test]
fn long_prose_is_shown_whole_sentence_by_sentence() {
    let opening = "The page of the group lists its members in the order they joined, \
                   with the year of each, and it was last updated in the spring of 2014 \
                   according to the archive copies that the maintainers compared. ";
    let old =
        format!("{opening}The sources do not say how the chair passed, so the term is left open.");
    let new = format!("{opening}The sources still do not say how the chair passed, so the term follows the rotation.");
    let mut report = empty_report();
    report.summary = "1 field changed in 1 chair entry".to_string();
    report.changes = vec![change(
        Kind::Chairs,
        "ilo 2014-01..2014-06",
        "term of `ilo` 2014-01..2014-06",
        ChangeKind::Modified,
        "records/chairs.yaml",
        40,
        field_changes(&json!({"note": old}), &json!({"note": new})),
    )];
    let sentences = report.changes[0].fields[0].sentences.as_ref().unwrap();
    assert_eq!(
        sentences.len(),
        1,
        "only the changed sentence: {sentences:?}"
    );

    let human = rendered(DiffFormat::Human, &report, false);
    assert!(
        human.contains(
            "      - The sources do not say how the chair passed, so the term [-is left open.-]"
        ),
        "{human}"
    );
    assert!(
        human.contains("      + The sources {+still+} do not say how the chair passed, so the term {+follows the rotation.+}"),
        "{human}"
    );
    let markdown = rendered(DiffFormat::Markdown, &report, false);
    assert!(
        markdown.contains("+&nbsp;The sources **still** do not say"),
        "{markdown}"
    );
    assert!(markdown.contains("**follows the rotation.**"), "{markdown}");
    assert!(!markdown.contains('…'), "nothing is cut: {markdown}");
    insta::assert_snapshot!("long_prose_human", human);
    insta::assert_snapshot!("long_prose_markdown", markdown);

    // Over the limit: records are dropped whole, from the end.
    let huge = "A sentence of the note that goes on. ".repeat(1000);
    let mut big = empty_report();
    big.summary = "3 members changed".to_string();
    big.changes = (0..3)
        .map(|i| {
            change(
                Kind::Member,
                &format!("m{i}"),
                &format!("member `m{i}`"),
                ChangeKind::Added,
                &format!("records/members/m{i}.yaml"),
                2,
                record_fields(
                    &json!({"id": format!("m{i}"), "joined": "2010", "note": huge}),
                    true,
                ),
            )
        })
        .collect();
    let out = rendered(DiffFormat::Markdown, &big, false);
    assert!(out.chars().count() <= 65_536);
    let shown = out.matches("| added |").count();
    assert!((1..3).contains(&shown), "{shown} records shown");
    assert_eq!(
        out.matches(huge.trim_end()).count(),
        shown,
        "each shown note is whole"
    );
    assert!(out.contains(&format!("This report shows {shown} of 3 record changes")));
}

#[test]
fn markdown_links_locations_to_the_new_side_commit() {
    let links = roster::report::diff::Links::new("https://github.com/o/r/blob/abc123", "");
    let mut out = Vec::new();
    render(
        DiffFormat::Markdown,
        &main_report(),
        &RenderOptions::default(),
        roster::report::diff::Extras {
            links: Some(&links),
            gantt: None,
        },
        &mut out,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains(
        "<sub>[`records/members/iom.yaml:2`](https://github.com/o/r/blob/abc123/records/members/iom.yaml#L2)</sub>"
    ), "{out}");
    assert!(out.contains(
        "[`records/chairs.yaml:52:12`](https://github.com/o/r/blob/abc123/records/chairs.yaml#L52)"
    ), "{out}");
    // A removed record and a fixed finding are on the old side: no link to the new commit.
    assert!(
        out.contains("<sub>records/members/unitar.yaml:2</sub>"),
        "{out}"
    );
    assert!(out.contains("| `records/members/hcr.yaml:2:1` |"), "{out}");
    insta::assert_snapshot!("markdown_linked", out);
}

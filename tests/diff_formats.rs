//! Every output format of `roster diff`, rendered from reports built by hand.
//!
//! The reports are written out here rather than computed from two revisions, so that these
//! snapshots change only when a renderer does. The main one holds one of each thing a reader
//! meets: an added, a removed and a renamed member, a French name with a changed word, a chair
//! term that moved, an added document, a new error, a fixed warning, a member count that
//! changed and days of the rotation that lost their chair.

use roster::diag::{Certainty, Severity};
use roster::diff::{
    field_changes, ChangeKind, Consequences, CountChange, FieldChange, Finding, MemberCount,
    Period, RecordChange, Report, VERSION,
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
                  1 warning fixed, member counts changed, chair coverage lost"
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
                    &json!({"name": {"fr": "Organisation mondiale pour les migrations"}}),
                    &json!({"name": {"fr": "Organisation internationale pour les migrations"}}),
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
                Vec::new(),
            ),
            change(
                Kind::Member,
                "who",
                "member `who`",
                ChangeKind::Added,
                "records/members/who.yaml",
                2,
                Vec::new(),
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
            }],
            member_counts: vec![CountChange {
                start: "2010-01-01".to_string(),
                end: Some("2010-12-30".to_string()),
                old: MemberCount {
                    certain: 14,
                    possible: 16,
                },
                new: MemberCount {
                    certain: 15,
                    possible: 16,
                },
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
    render(format, report, &options, &mut out).expect("rendering succeeds");
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
        "_The report was cut at {rows} of 5000 record changes to fit GitHub's comment limit; \
         run `roster diff --format json` for the full report._"
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
    assert!(!out.contains("The report was cut"));
    assert_eq!(
        out.lines().filter(|l| l.starts_with("| modified")).count(),
        6
    );
}

#[test]
fn a_short_report_is_not_cut() {
    let out = rendered(DiffFormat::Markdown, &many_changes(30), false);
    assert!(!out.contains("The report was cut"));
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
    assert_eq!(out.lines().count(), 5, "{out}");
    assert!(out.contains("member `x\\u001b[2J`"), "{out}");
}

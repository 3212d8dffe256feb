//! Every rule's fixture folder: `tests/fixtures/rules/<CODE>/{pass,fail}-*/records/`.
//!
//! Each case is a small records tree checked with the shipped schemas. A `pass-*` case must
//! produce no finding of its rule; a `fail-*` case must produce at least one, and what it
//! prints (human format, no colour) is snapshotted so the message, place and help are reviewed.

use roster::catalogue::CATALOGUE;
use roster::load::workspace::Workspace;
use roster::report::check::{self as report, CheckReport, Format};
use roster::report::RenderOptions;
use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::manifest_dir;

fn cases(code: &str) -> Vec<(String, PathBuf)> {
    let dir = manifest_dir().join("tests/fixtures/rules").join(code);
    let mut out: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no fixture folder {}: {e}", dir.display()))
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    out.sort();
    out
}

fn check(case: &Path) -> (roster::check::Outcome, String) {
    let workspace = Workspace::at(case)
        .unwrap()
        .with_schemas(&manifest_dir().join("schemas"));
    let outcome = roster::check::check(&workspace, &Default::default()).unwrap();
    let mut text = Vec::new();
    let report = CheckReport {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
    };
    report::render(Format::Human, &report, &RenderOptions::default(), &mut text).unwrap();
    (outcome, String::from_utf8(text).unwrap())
}

#[test]
fn every_rule_has_an_explanation_and_fixtures() {
    for rule in CATALOGUE {
        for section in [
            "## What it finds",
            "## Why it matters",
            "## Example",
            "## How to fix it",
        ] {
            assert!(
                rule.explanation.contains(section),
                "{} lacks `{section}` in its explanation",
                rule.code
            );
        }
        let names: Vec<_> = cases(rule.code).into_iter().map(|(n, _)| n).collect();
        assert!(
            names.iter().any(|n| n.starts_with("pass-")),
            "{} has no pass-* fixture",
            rule.code
        );
        assert!(
            names.iter().any(|n| n.starts_with("fail-")),
            "{} has no fail-* fixture",
            rule.code
        );
        assert!(
            names
                .iter()
                .all(|n| n.starts_with("pass-") || n.starts_with("fail-")),
            "{}: fixture folders are named pass-* or fail-*: {names:?}",
            rule.code
        );
    }
}

#[test]
fn rule_fixtures_report_their_rule() {
    // ROSTER_RULE=T003 runs one rule's fixtures only, while a rule is being written.
    let only = std::env::var("ROSTER_RULE").ok();
    for rule in CATALOGUE {
        if only.as_deref().is_some_and(|code| code != rule.code) {
            continue;
        }
        for (name, path) in cases(rule.code) {
            let (outcome, text) = check(&path);
            let hits = outcome
                .diagnostics
                .iter()
                .filter(|d| d.rule.code == rule.code)
                .count();
            if name.starts_with("pass-") {
                assert_eq!(
                    hits, 0,
                    "{}/{name} should not report {}:\n{text}",
                    rule.code, rule.code
                );
                assert!(
                    !outcome.has_errors(),
                    "{}/{name} has errors:\n{text}",
                    rule.code
                );
            } else {
                assert!(
                    hits > 0,
                    "{}/{name} should report {}:\n{text}",
                    rule.code,
                    rule.code
                );
                insta::assert_snapshot!(format!("{}-{name}", rule.code), text);
            }
        }
    }
}

#[test]
fn docs_rules_md_is_current() {
    let path = manifest_dir().join("docs/rules.md");
    let on_disk = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == roster::catalogue::reference_markdown(),
        "docs/rules.md is stale: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
}

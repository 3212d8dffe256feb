//! Every rule's fixture folder: `tests/fixtures/rules/<CODE>/{pass,fail}-*/records/`.
//!
//! Each case is a small records tree checked with the shipped schemas and with only the rule
//! under test (as ruff's per-rule tests do), so that a snapshot shows that rule alone. A
//! `pass-*` case must produce no finding of its rule; a `fail-*` case must produce at least one,
//! and what it prints (human format, no colour) is snapshotted so the message, place and help
//! are reviewed. The catalogue itself is checked here too: codes unique, names kebab-case, every
//! check file registered.

use roster::catalogue::{Rule, CATALOGUE};
use roster::check::policy::Uncertain;
use roster::check::Options;
use roster::load::workspace::Workspace;
use roster::report::check::{self as report, CheckReport, Format};
use roster::report::RenderOptions;
use roster::rules::CHECKS;
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

/// Checks `case` with only `rule` (every rule for `None`); returns the outcome and its human
/// rendering.
fn check(case: &Path, rule: impl Into<Option<&'static Rule>>) -> (roster::check::Outcome, String) {
    let workspace = Workspace::at(case)
        .unwrap()
        .with_schemas(&manifest_dir().join("schemas"));
    // Uncertain findings are shown as warnings, so that their messages are snapshotted too.
    let mut options = Options {
        only: rule.into().map(|rule| vec![rule]),
        ..Options::default()
    };
    options.levels.uncertain = Uncertain::Warn;
    let outcome = roster::check::check(&workspace, &options).unwrap();
    let mut text = Vec::new();
    let report = CheckReport::new(&outcome.sources, &outcome.diagnostics);
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
            let (outcome, text) = check(&path, *rule);
            let hits = outcome.diagnostics.iter().filter(|d| d.is(rule)).count();
            if name.starts_with("pass-") {
                assert_eq!(
                    hits, 0,
                    "{}/{name} should not report {}:\n{text}",
                    rule.code, rule.code
                );
                // A passing case is a valid records tree: no rule finds an error in it.
                let (all, text) = check(&path, None);
                assert!(
                    !all.has_errors(),
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

#[test]
fn rule_codes_are_unique_and_names_are_kebab_case() {
    let mut codes: Vec<&str> = CATALOGUE.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), CATALOGUE.len(), "a rule code is used twice");
    let mut names: Vec<&str> = CATALOGUE.iter().map(|r| r.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CATALOGUE.len(), "a rule name is used twice");
    for rule in CATALOGUE {
        let code = rule.code.as_bytes();
        assert!(
            code.len() == 4
                && b"YSRT".contains(&code[0])
                && code[1..].iter().all(u8::is_ascii_digit),
            "`{}` is not a letter of Y, S, R, T and three digits",
            rule.code
        );
        assert!(
            !rule.name.is_empty()
                && !rule.name.starts_with('-')
                && !rule.name.ends_with('-')
                && !rule.name.contains("--")
                && rule
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "`{}` ({}) is not kebab-case",
            rule.name,
            rule.code
        );
    }
}

#[test]
fn every_file_in_src_rules_is_registered() {
    let dir = manifest_dir().join("src/rules");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "mod.rs")
        .collect();
    files.sort();
    let registry = fs::read_to_string(dir.join("mod.rs")).unwrap();
    for file in &files {
        let module = file.trim_end_matches(".rs");
        assert!(
            registry.contains(&format!("mod {module};"))
                && registry.contains(&format!("{module}::check")),
            "src/rules/{file} is not declared and registered in CHECKS in src/rules/mod.rs"
        );
        // The file name starts with the code of the rule it checks, which is in the catalogue
        // and registered with this check.
        let code = module[..4].to_uppercase();
        let rule = CATALOGUE
            .iter()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("src/rules/{file}: no rule {code} in the catalogue"));
        assert_eq!(
            module,
            format!("{}_{}", code.to_lowercase(), rule.name.replace('-', "_")),
            "src/rules/{file} is not named after its rule"
        );
    }
    assert_eq!(
        files.len(),
        CHECKS.len(),
        "src/rules/ has {} check files and CHECKS {} entries",
        files.len(),
        CHECKS.len()
    );
    let mut registered: Vec<&str> = CHECKS.iter().map(|(rule, _)| rule.code).collect();
    registered.dedup();
    assert_eq!(
        registered.len(),
        CHECKS.len(),
        "a rule has two checks in CHECKS"
    );
}

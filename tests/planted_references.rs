//! The reference rules (R001-R004) catch an error planted in a real record.
//!
//! Each test copies the shipped `records/` and `schemas/` into a temporary folder, plants one
//! error in one of the shipped files, runs the `roster` binary and checks that it fails with the
//! rule's code at the planted place. Places are found by searching the edited text, so the tests
//! keep working when the records grow.

use std::fs;
use std::path::Path;

mod common;
use common::{manifest_dir, roster_check, shipped_copy};

/// Runs `roster check --color never` in `root`.
fn check(root: &Path) -> (i32, String, String) {
    roster_check(root, &[])
}

/// `--> file:line:col` of `value` on the last line of `text` that is exactly `line`.
fn place(file: &str, text: &str, line: &str, value: &str) -> String {
    let (index, found) = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == line)
        .last()
        .unwrap_or_else(|| panic!("no line {line:?} in {file}"));
    let at = found
        .find(value)
        .unwrap_or_else(|| panic!("no {value:?} in {line:?}"));
    let col = found[..at].chars().count() + 1;
    format!("--> {file}:{}:{col}", index + 1)
}

/// The output of one planted error: the edited text and what `roster check` printed.
struct Planted {
    text: String,
    stdout: String,
}

impl Planted {
    /// Asserts that a finding of `code` points at `place` and says `says`.
    fn assert_finding(&self, code: &str, place: &str, says: &str) {
        let header = format!("error[{code}]");
        assert!(
            self.stdout
                .split("\n\n")
                .filter(|block| block.starts_with(&header))
                .any(|block| block.contains(place) && block.contains(says)),
            "expected {header} at {place} saying {says:?}:\n{}",
            self.stdout
        );
    }
}

/// Rewrites `file` of a fresh copy of the shipped records with `edit` and checks the copy,
/// asserting that the edit changed something and that the check failed with `code`.
fn plant(file: &str, code: &str, edit: impl FnOnce(&str) -> String) -> Planted {
    let dir = shipped_copy();
    let path = dir.path().join(file);
    let original = fs::read_to_string(&path).unwrap();
    let text = edit(&original);
    assert_ne!(text, original, "the edit of {file} changed nothing");
    fs::write(&path, &text).unwrap();
    let (status, stdout, stderr) = check(dir.path());
    assert_eq!(status, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stdout.contains(&format!("error[{code}]")),
        "{code} not reported:\n{stdout}"
    );
    assert!(stderr.is_empty(), "{stderr}");
    Planted { text, stdout }
}

#[test]
fn shipped_records_have_no_reference_findings() {
    let (status, stdout, stderr) = check(&manifest_dir());
    assert_eq!(status, 0, "{stdout}{stderr}");
    for code in ["R001", "R002", "R003", "R004"] {
        assert!(!stdout.contains(&format!("[{code}]")), "{stdout}");
    }
}

#[test]
fn duplicate_source_id_is_reported_at_the_second() {
    let file = "records/sources.yaml";
    let planted = plant(file, "R001", |t| {
        format!(
            "{t}  - id: ceb-gmg-directory\n    title: Global Migration Group (GMG)\n    publisher: United Nations System Chief Executives Board for Coordination (CEB)\n    language: en\n    accessed: 2026-11\n"
        )
    });
    let second = place(
        file,
        &planted.text,
        "  - id: ceb-gmg-directory",
        "ceb-gmg-directory",
    );
    planted.assert_finding(
        "R001",
        &second,
        "two sources have the id `ceb-gmg-directory`",
    );
}

#[test]
fn misspelt_working_group_co_chair_is_reported_with_a_suggestion() {
    let file = "records/working-groups.yaml";
    let planted = plant(file, "R002", |t| {
        t.replacen("      - un-desa\n", "      - unhrc\n", 1)
    });
    let at = place(file, &planted.text, "      - unhrc", "unhrc");
    planted.assert_finding("R002", &at, "help: did you mean `unhcr`?");
}

#[test]
fn uncited_chair_term_is_reported_at_the_term() {
    let file = "records/chairs.yaml";
    let term = "  - chair: unctad\n    start: 2008-07\n    end: 2008-12\n    sources:\n      - ceb-gmg-directory\n";
    let planted = plant(file, "R003", |t| {
        t.replacen(
            term,
            "  - chair: unctad\n    start: 2008-07\n    end: 2008-12\n    sources: []\n",
            1,
        )
    });
    let at = place(file, &planted.text, "  - chair: unctad", "chair");
    planted.assert_finding(
        "R003",
        &at,
        "the term of `unctad` 2008-07..2008-12 cites no source",
    );
}

#[test]
fn acronym_clash_is_reported_at_the_second_member() {
    let file = "records/members/who.yaml";
    let planted = plant(file, "R004", |t| {
        t.replacen("  en: WHO\n", "  en: IOM\n", 1)
    });
    let at = place(file, &planted.text, "  en: IOM", "IOM");
    let iom = fs::read_to_string(manifest_dir().join("records/members/iom.yaml")).unwrap();
    let first =
        place("records/members/iom.yaml", &iom, "  en: IOM", "IOM").replacen("-->", ":::", 1);
    planted.assert_finding("R004", &at, &first);
    planted.assert_finding("R004", &at, "`who` and `iom` share the `en` acronym `IOM`");
}

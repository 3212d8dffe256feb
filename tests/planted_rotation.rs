//! The time rules T001-T005 end to end: one error planted in a copy of the shipped records,
//! the `roster` binary run on it, and the finding expected at the planted place.
//!
//! Lines and columns are computed from the file text, so the tests keep working when the
//! records gain a note or an entry. Every test works on its own temporary copy; the repository
//! is never touched.

use std::fs;
use std::path::Path;
use tempfile::TempDir;

mod common;
use common::{copy_dir, manifest_dir, roster_check};

const CHAIRS: &str = "records/chairs.yaml";
const GROUP: &str = "records/group.yaml";

/// Runs `roster check --color never` in `root`.
fn check(root: &Path) -> (i32, String, String) {
    roster_check(root, &[])
}

/// `file:line:col` of the first occurrence of `needle` at or after the first line containing
/// `anchor`; the column is that of `needle`'s first character, counted in characters.
fn place(file: &str, text: &str, anchor: &str, needle: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let from = lines
        .iter()
        .position(|l| l.contains(anchor))
        .unwrap_or_else(|| panic!("no line contains {anchor:?}"));
    for (i, line) in lines.iter().enumerate().skip(from) {
        if let Some(byte) = line.find(needle) {
            let col = line[..byte].chars().count() + 1;
            return format!("{file}:{}:{col}", i + 1);
        }
    }
    panic!("no {needle:?} after {anchor:?}");
}

/// A copy of the shipped records with `edit` applied to `file`, and the edited text.
struct Planted {
    dir: TempDir,
    text: String,
}

fn plant(file: &str, from: &str, to: &str) -> Planted {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&manifest_dir().join("records"), &dir.path().join("records"));
    copy_dir(&manifest_dir().join("schemas"), &dir.path().join("schemas"));
    let path = dir.path().join(file);
    let original = fs::read_to_string(&path).unwrap();
    assert_eq!(
        original.matches(from).count(),
        1,
        "{from:?} should occur once in {file}"
    );
    let text = original.replacen(from, to, 1);
    fs::write(&path, &text).unwrap();
    Planted { dir, text }
}

/// Asserts exit 1 and a finding `error[code]` located at `at`.
fn assert_error_at(planted: &Planted, code: &str, at: &str) {
    let (status, stdout, stderr) = check(planted.dir.path());
    assert_eq!(status, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let found = stdout.split("\n\n").any(|finding| {
        finding.starts_with(&format!("error[{code}]")) && finding.contains(&format!("--> {at}\n"))
    });
    assert!(found, "expected error[{code}] at {at}:\n{stdout}");
}

#[test]
fn shipped_records_have_no_time_rule_errors() {
    let (status, stdout, _) = check(&manifest_dir());
    for code in ["T001", "T002", "T003", "T004", "T005"] {
        assert!(!stdout.contains(&format!("error[{code}]")), "{stdout}");
    }
    assert_eq!(status, 0, "{stdout}");
}

#[test]
fn a_term_moved_by_a_month_leaves_a_gap_and_breaks_the_rotation() {
    let p = plant(
        CHAIRS,
        "chair: undp\n    start: 2010-01",
        "chair: undp\n    start: 2010-02",
    );
    // The gap (January 2010) is reported at the end of the entry before it: UNITAR's term.
    assert_error_at(
        &p,
        "T003",
        &place(CHAIRS, &p.text, "chair: unitar", "2009-12"),
    );
    // The moved term starts in February and lasts five months.
    assert_error_at(
        &p,
        "T005",
        &place(CHAIRS, &p.text, "chair: undp", "2010-02"),
    );
}

#[test]
fn a_term_ending_a_month_late_overlaps_the_next() {
    let p = plant(
        CHAIRS,
        "chair: ohchr\n    start: 2010-07\n    end: 2010-12",
        "chair: ohchr\n    start: 2010-07\n    end: 2011-01",
    );
    // The later entry (UNICEF's term, from January 2011) is reported at its start.
    assert_error_at(
        &p,
        "T004",
        &place(CHAIRS, &p.text, "chair: unicef", "2011-01"),
    );
}

#[test]
fn a_claim_the_members_contradict_is_an_error() {
    // The claim of 16 from 2010-12 carries a silence of T002 (its warning is explained), which
    // would silence this error too: plant on the claim of November 2011 instead.
    let p = plant(
        GROUP,
        "- members: 16\n    from: 2011-11",
        "- members: 15\n    from: 2011-11",
    );
    assert_error_at(&p, "T002", &place(GROUP, &p.text, "members: 15", "members"));
}

#[test]
fn an_end_before_its_start_is_located_at_the_end() {
    let p = plant(
        CHAIRS,
        "start: 2007-01\n    end: 2007-06",
        "start: 2007-01\n    end: 2006-06",
    );
    assert_error_at(
        &p,
        "T001",
        &place(CHAIRS, &p.text, "start: 2007-01", "2006-06"),
    );
}

#[test]
fn deleting_a_member_that_a_claim_counts_is_an_error_at_the_claim() {
    let planted = plant("records/members/who.yaml", "id: who", "id: who");
    fs::remove_file(planted.dir.path().join("records/members/who.yaml")).unwrap();
    // The first claim the deletion contradicts without a silence on its line: November 2011.
    let group = fs::read_to_string(planted.dir.path().join("records/group.yaml")).unwrap();
    let line = group
        .lines()
        .position(|l| l.starts_with("    from: 2011-11"))
        .unwrap();
    assert_error_at(&planted, "T002", &format!("records/group.yaml:{line}:5"));
}

#[test]
fn as_of_bounds_an_open_ended_rotation() {
    let fixture = manifest_dir().join("tests/fixtures/rules/T003/pass-open-regime");
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture.join("records"), &dir.path().join("records"));
    copy_dir(&manifest_dir().join("schemas"), &dir.path().join("schemas"));
    let (status, stdout, _) = check(dir.path());
    assert_eq!(status, 0, "{stdout}");
    let out = assert_cmd::Command::cargo_bin("roster")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--color", "never", "--as-of", "2030-01-01"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("error[T003]"), "{text}");
}

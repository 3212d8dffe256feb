//! The membership and time rules (T006-T010) catch an error planted in a copy of the shipped
//! records, and point at the planted place.
//!
//! Each test copies `records/` and `schemas/` to a temporary folder, makes one edit, runs the
//! `roster` binary and expects exit 1 with an error of the rule at the edited line. A planted
//! error may upset other rules too (a later `joined` changes the member counts, so T002 fires):
//! the tests ask only that the rule under test reports at the right place.

use assert_cmd::Command;
use std::fs;

mod common;
use common::shipped_copy;

/// 1-based `(line, column)` of the first occurrence of `needle` in `text`, columns counted in
/// characters.
fn place_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// One planted error: replace the one occurrence of `from` in `file` by `to`, and expect an
/// error of `code` at the first `find` in `at` (after the edit), `skip` characters into it.
struct Plant<'a> {
    file: &'a str,
    from: &'a str,
    to: &'a str,
    code: &'a str,
    at: &'a str,
    find: &'a str,
    skip: usize,
}

/// Plants the error in a fresh copy of the records, checks the copy, and asserts exit 1 and an
/// error of the rule whose header is followed by the expected `--> file:line:col`.
fn planted(plant: Plant) -> String {
    let dir = shipped_copy();
    let path = dir.path().join(plant.file);
    let original = fs::read_to_string(&path).unwrap();
    assert_eq!(
        original.matches(plant.from).count(),
        1,
        "{:?} should occur once in {}",
        plant.from,
        plant.file
    );
    fs::write(&path, original.replacen(plant.from, plant.to, 1)).unwrap();
    let target = fs::read_to_string(dir.path().join(plant.at)).unwrap();
    let (line, column) = place_of(&target, plant.find);
    let place = format!("--> {}:{line}:{}", plant.at, column + plant.skip);

    let output = Command::cargo_bin("roster")
        .unwrap()
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .args(["check", "--color", "never"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let header = format!("error[{}]", plant.code);
    let found = stdout
        .lines()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|pair| pair[0].starts_with(&header) && pair[1].trim_start() == place);
    assert!(found, "expected {header} at {place}:\n{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
    stdout
}

#[test]
fn a_chair_that_joined_after_its_term_is_reported() {
    // UNDP chaired January-June 2010; the finding is on the term, where the chair is named.
    let stdout = planted(Plant {
        file: "records/members/undp.yaml",
        from: "joined: 2006\n",
        to: "joined: 2011\n",
        code: "T006",
        at: "records/chairs.yaml",
        find: "chair: undp",
        skip: "chair: ".len(),
    });
    assert!(
        stdout.contains("error[T006]: `undp` chaired 2010-01..2010-06 but joined only in 2011"),
        "{stdout}"
    );
}

#[test]
fn a_member_that_joined_before_it_was_founded_is_reported() {
    // UN Women was created on 2 July 2010.
    planted(Plant {
        file: "records/members/un-women.yaml",
        // The whole line: its silence of T007 (for the warning) would hide the error.
        from: "joined: 2010  # roster: allow T007",
        to: "joined: 2009  # planted",
        code: "T007",
        at: "records/members/un-women.yaml",
        find: "joined: 2009",
        skip: "joined: ".len(),
    });
}

#[test]
fn a_report_credited_to_a_member_that_did_not_chair_is_reported() {
    // IOM chaired January-June 2007 and wrote the report; UNHCR did not chair then.
    let report = "    author: iom\n    covers:\n      start: 2007-01\n";
    let stdout = planted(Plant {
        file: "records/documents.yaml",
        from: report,
        to: &report.replace("author: iom", "author: unhcr"),
        code: "T008",
        at: "records/documents.yaml",
        find: "author: unhcr",
        skip: "author: ".len(),
    });
    assert!(
        stdout.contains("`iom` chaired 2007-01..2007-06"),
        "{stdout}"
    );
}

#[test]
fn a_constituent_named_as_co_chair_is_reported() {
    // ESCAP is one of the regional commissions sharing a seat, not a member itself.
    planted(Plant {
        file: "records/working-groups.yaml",
        from: "      - un-desa\n",
        to: "      - escap\n",
        code: "T009",
        at: "records/working-groups.yaml",
        find: "- escap",
        skip: "- ".len(),
    });
}

#[test]
fn a_term_after_the_dissolution_is_reported() {
    // The regional commissions' term of January-June 2013 is the first to start after 2012.
    planted(Plant {
        file: "records/group.yaml",
        from: "founded: 2003-04\n",
        to: "founded: 2003-04\ndissolved: 2012\n",
        code: "T010",
        at: "records/chairs.yaml",
        find: "start: 2013-01",
        skip: "start: ".len(),
    });
}

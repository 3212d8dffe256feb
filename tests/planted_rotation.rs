//! The time rules T001-T005 end to end: one error planted in a copy of the shipped records,
//! the `roster` binary run on it, and the finding expected at the planted place.
//!
//! Lines and columns are computed from the file text, so the tests keep working when the
//! records gain a note or an entry. Every test works on its own temporary copy; the repository
//! is never touched.

mod common;
use common::{manifest_dir, roster_check, Tree};

const CHAIRS: &str = "records/chairs.yaml";
const GROUP: &str = "records/group.yaml";

/// A copy of the shipped records with the one occurrence of `from` in `file` replaced by `to`.
fn plant(file: &str, from: &str, to: &str) -> Tree {
    let tree = Tree::shipped();
    tree.replace(file, from, to);
    tree
}

/// Asserts exit 1 and a finding `error[code]` located at `at`.
fn assert_error_at(tree: &Tree, code: &str, at: &str) {
    let run = tree.check(&[]);
    run.assert_code(1);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.assert_finding(&format!("error[{code}]"), at);
}

#[test]
fn shipped_records_have_no_time_rule_errors() {
    let (status, stdout, _) = roster_check(&manifest_dir(), &[]);
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
        &p.place_after(CHAIRS, "chair: unitar", "2009-12"),
    );
    // The moved term starts in February and lasts five months.
    assert_error_at(&p, "T005", &p.place_after(CHAIRS, "chair: undp", "2010-02"));
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
        &p.place_after(CHAIRS, "chair: unicef", "2011-01"),
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
    assert_error_at(&p, "T002", &p.place_after(GROUP, "members: 15", "members"));
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
        &p.place_after(CHAIRS, "start: 2007-01", "2006-06"),
    );
}

#[test]
fn deleting_a_member_that_a_claim_counts_is_an_error_at_the_claim() {
    let tree = Tree::shipped();
    std::fs::remove_file(tree.path().join("records/members/who.yaml")).unwrap();
    // The first claim the deletion contradicts without a silence on its line: November 2011,
    // reported at the claim's first key, on the line before its `from`.
    let group = tree.read(GROUP);
    let line = group
        .lines()
        .position(|l| l.starts_with("    from: 2011-11"))
        .unwrap();
    assert_error_at(&tree, "T002", &format!("{GROUP}:{line}:5"));
}

#[test]
fn as_of_bounds_an_open_ended_rotation() {
    let tree = Tree::copy_of(&manifest_dir().join("tests/fixtures/rules/T003/pass-open-regime"));
    tree.check(&[]).assert_code(0);
    let run = tree.check(&["--as-of", "2030-01-01"]);
    run.assert_code(1);
    assert!(run.stdout.contains("error[T003]"), "{}", run.stdout);
}

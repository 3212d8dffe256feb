//! The membership and time rules (T006-T010) catch an error planted in a copy of the shipped
//! records, and point at the planted place.
//!
//! Each test copies `records/` and `schemas/` to a temporary folder, makes one edit, runs the
//! `roster` binary and expects exit 1 with an error of the rule at the edited line. A planted
//! error may upset other rules too (a later `joined` changes the member counts, so T002 fires):
//! the tests ask only that the rule under test reports at the right place.

mod common;
use common::Tree;

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
/// error of the rule at the expected place; returns what the check printed.
fn planted(plant: Plant) -> String {
    let tree = Tree::shipped();
    tree.replace(plant.file, plant.from, plant.to);
    let place = tree.place(plant.at, plant.find, plant.skip);
    let run = tree.check(&[]);
    run.assert_code(1);
    run.assert_finding(&format!("error[{}]", plant.code), &place);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.stdout
}

#[test]
fn a_chair_that_joined_after_its_term_is_reported() {
    // UNDP chaired January-June 2010; the finding is on the term, where the chair is named.
    let stdout = planted(Plant {
        file: "records/members/undp.yaml",
        from: "joined: 2006-01/2006-04\n",
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
    // UN Women was created on 2 July 2010; its line as shipped carries no silence, so a date
    // before that is an error whatever was written there before.
    let tree = Tree::shipped();
    assert!(
        !tree
            .read("records/members/un-women.yaml")
            .contains("roster: allow"),
        "the shipped UN Women record carries a silence"
    );
    let stdout = planted(Plant {
        file: "records/members/un-women.yaml",
        from: "joined: 2010-07-02/2010\n",
        to: "joined: 2009\n",
        code: "T007",
        at: "records/members/un-women.yaml",
        find: "joined: 2009",
        skip: "joined: ".len(),
    });
    assert!(
        stdout
            .contains("error[T007]: `un-women` joined in 2009 but was founded only on 2010-07-02"),
        "{stdout}"
    );
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

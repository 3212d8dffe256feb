//! roster on a third real body: the UN Security Council of 2015, in
//! `examples/un-security-council/`, whose presidency passes every month to the next member in
//! the English alphabetical order of their names. The records pass with no finding at all, not
//! even an uncertain one, and planted errors in a copy are caught, each with its rule at its
//! place: a month out of order, a member presiding twice in one cycle, a presidency held by a
//! state that is no longer a member, and a missing month.

mod common;
use common::{manifest_dir, roster, Tree};
use std::path::PathBuf;

const CHAIRS: &str = "records/chairs.yaml";

fn example() -> PathBuf {
    manifest_dir().join("examples/un-security-council")
}

/// A copy of the example's records, with `chairs.yaml` edited.
fn planted(edit: impl FnOnce(&str) -> String) -> Tree {
    let tree = Tree::copy_of(&example());
    tree.edit(CHAIRS, edit);
    tree
}

/// `text` with the presidency that starts in `month` given to `member`.
fn give(text: &str, month: &str, member: &str) -> String {
    let start = text
        .find(&format!("\n    start: {month}\n"))
        .unwrap_or_else(|| panic!("no presidency starts in {month}"));
    let entry = text[..start].rfind("  - chair: ").unwrap();
    format!("{}  - chair: {member}{}", &text[..entry], &text[start..])
}

#[test]
fn the_security_council_records_pass_with_no_finding_at_all() {
    for args in [&[][..], &["--uncertain"][..]] {
        let run = roster(&example(), &[&["check", "--color", "never"], args].concat());
        run.assert_code(0);
        assert_eq!(run.stdout, "no problems found in 22 files\n");
        assert_eq!(run.stderr, "");
    }
}

#[test]
fn a_month_out_of_order_is_caught() {
    // France presided in March 2015 and Jordan in April: give March to Jordan.
    let tree = planted(|t| give(&give(t, "2015-03", "jordan"), "2015-04", "france"));
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding(
        "error[T012]",
        &tree.place(CHAIRS, "chair: jordan", "chair: ".len()),
    );
    insta::assert_snapshot!("out_of_order", finding);
    // France, passed over in March, takes its turn late in April: one finding, not two.
    assert!(
        run.stdout.contains("error: 1 error in 22 files"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_member_presiding_twice_in_one_cycle_is_caught() {
    // China presided in February 2015; give it Spain's October too.
    let tree = planted(|t| give(t, "2015-10", "china"));
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding(
        "error[T012]",
        &tree.place_last(CHAIRS, "chair: china", "chair: ".len()),
    );
    insta::assert_snapshot!("twice_in_one_cycle", finding);
}

#[test]
fn a_presidency_held_by_a_state_that_is_no_longer_a_member_is_caught() {
    // The Russian Federation continues the USSR's seat; the USSR itself left in 1991.
    let tree = planted(|t| give(t, "2015-09", "ussr"));
    let run = tree.check(&[]);
    run.assert_code(1);
    let place = tree.place(CHAIRS, "chair: ussr", "chair: ".len());
    let finding = run.assert_finding("error[T006]", &place);
    assert!(finding.contains("left on 1991-12-23"), "{finding}");
    // And it is not the member the order gave the month to.
    run.assert_finding("error[T012]", &place);
}

#[test]
fn a_missing_month_is_caught() {
    // Drop Nigeria's August 2015.
    let tree = planted(|t| {
        let from = t.find("  - chair: nigeria\n").unwrap();
        let to = t.find("  - chair: russian-federation\n").unwrap();
        format!("{}{}", &t[..from], &t[to..])
    });
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding(
        "error[T003]",
        &tree.place(CHAIRS, "end: 2015-07", "end: ".len()),
    );
    assert!(
        finding.contains("no chair entry covers 2015-08"),
        "{finding}"
    );
}

#[test]
fn in_september_2015_the_russian_federation_presides_over_fifteen_members() {
    let run = roster(&example(), &["at", "2015-09-15"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("chair: russian-federation (2015-09..2015-09)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("members: 15 certainly, 0 more possibly"),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!("at_2015_09_15", run.stdout);
}

#[test]
fn a_day_outside_2015_is_not_recorded() {
    let run = roster(&example(), &["at", "1980-01-01"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("not recorded: the records cover the group from 2015-01 to 2015-12"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("chair:"), "{}", run.stdout);
}

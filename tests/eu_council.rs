//! roster beyond the GMG: 126 real six-month presidencies of the Council of the EU, 1958-2020,
//! and the 20 planned for 2021-2030 in the order of Council Decision (EU) 2016/1316, in
//! `examples/eu-council/`. The records pass with no finding at all, and planted errors in a
//! copy are caught: a gap in the rotation, an overlap, a presidency held by a non-member, two
//! planned presidencies swapped against the decision's order.

mod common;
use common::{manifest_dir, roster, Tree};
use std::path::PathBuf;

const CHAIRS: &str = "records/chairs.yaml";

fn example() -> PathBuf {
    manifest_dir().join("examples/eu-council")
}

/// A copy of the example's records with the shipped schemas, with `chairs.yaml` edited.
fn planted(edit: impl FnOnce(&str) -> String) -> Tree {
    let tree = Tree::copy_of(&example());
    tree.edit(CHAIRS, edit);
    tree
}

#[test]
fn the_eu_council_records_pass_with_no_finding() {
    let run = roster(&example(), &["check", "--color", "never"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "no problems found in 33 files\n");
    assert_eq!(run.stderr, "");
}

#[test]
fn a_gap_in_the_rotation_is_caught() {
    // Cut the Finnish presidency of 2019 short by two months.
    let tree = planted(|t| {
        t.replacen(
            "    start: 2019-07\n    end: 2019-12\n",
            "    start: 2019-07\n    end: 2019-10\n",
            1,
        )
    });
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding("error[T003]", &tree.place(CHAIRS, "end: 2019-10", 5));
    assert!(finding.contains("2019-11"), "{finding}");
}

#[test]
fn an_overlap_is_caught() {
    let tree = planted(|t| {
        t.replacen(
            "    start: 2019-07\n    end: 2019-12\n",
            "    start: 2019-07\n    end: 2020-01\n",
            1,
        )
    });
    let run = tree.check(&[]);
    run.assert_code(1);
    run.assert_finding(
        "error[T004]",
        &tree.place(CHAIRS, "start: 2020-01", "start: ".len()),
    );
}

#[test]
fn a_presidency_by_a_non_member_is_caught() {
    // Croatia joined on 2013-07-01; give it the presidency of 2010.
    let tree = planted(|t| {
        let at = t.find("    start: 2010-01\n").unwrap();
        let entry = t[..at].rfind("  - chair: ").unwrap();
        let end = t[entry..].find('\n').unwrap() + entry;
        format!("{}  - chair: croatia{}", &t[..entry], &t[end..])
    });
    let run = tree.check(&[]);
    run.assert_code(1);
    run.assert_finding(
        "error[T006]",
        &tree.place(CHAIRS, "chair: croatia", "chair: ".len()),
    );
}

#[test]
fn the_planned_presidencies_follow_the_order_of_the_decision() {
    // Lithuania (January-June 2027) and Greece (July-December 2027) swapped.
    let tree = planted(|t| {
        t.replacen(
            "  - chair: lithuania\n    start: 2027-01\n",
            "  - chair: greece\n    start: 2027-01\n",
            1,
        )
        .replacen(
            "  - chair: greece\n    start: 2027-07\n",
            "  - chair: lithuania\n    start: 2027-07\n",
            1,
        )
    });
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding(
        "error[T012]",
        &tree.place(CHAIRS, "chair: greece\n    start: 2027-01", "chair: ".len()),
    );
    assert!(
        finding.contains("after `ireland` comes `lithuania`"),
        "{finding}"
    );
    // Lithuania, passed over in January, takes its turn late in July: one finding, not two.
    assert!(
        run.stdout.contains("error: 1 error in 33 files"),
        "{}",
        run.stdout
    );
}

#[test]
fn in_march_2029_luxembourg_holds_the_planned_presidency_among_27_members() {
    let run = roster(&example(), &["at", "2029-03-01"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("members: 27 certainly, 0 more possibly"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("chair: luxembourg"), "{}", run.stdout);
    assert!(!run.stdout.contains("united-kingdom"), "{}", run.stdout);
}

#[test]
fn a_planned_presidency_is_shown_as_planned() {
    let run = roster(&example(), &["at", "2029-03-01"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("chair: luxembourg, planned (2029-01..2029-06)"),
        "{}",
        run.stdout
    );
    let run = roster(&example(), &["at", "2029-03-01", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["chairs"][0]["planned"], true, "{}", run.stdout);
    // A presidency held is not.
    let run = roster(&example(), &["at", "2020-03-01"]);
    assert!(
        run.stdout.contains("chair: croatia (2020-01..2020-06)"),
        "{}",
        run.stdout
    );
}

//! roster beyond the GMG: 126 real six-month presidencies of the Council of the EU, 1958-2020,
//! in `examples/eu-council/`. The records pass with no finding at all, and planted errors in a
//! copy are caught: a gap in the rotation, an overlap, a presidency held by a non-member.

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

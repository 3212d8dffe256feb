//! `roster at DATE` on the shipped records.

use assert_cmd::Command;

mod common;

fn at(args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("roster")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("at")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn in_september_2010_ohchr_chairs_and_who_and_un_women_are_possible_members() {
    let (status, text) = at(&["2010-09-01"]);
    assert_eq!(status, 0);
    assert!(text.contains("chair: ohchr (2010-07..2010-12)"), "{text}");
    assert!(
        text.contains("possibly:  un-women (joined 2010-07-02/2010)"),
        "{text}"
    );
    assert!(text.contains("possibly:  who (joined 2010)"), "{text}");
    insta::assert_snapshot!("at_2010_09_01_human", text);

    let (status, json) = at(&["2010-09-01", "--format", "json"]);
    assert_eq!(status, 0);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["version"], 2);
    assert_eq!(value["status"], "recorded");
    assert_eq!(value["members"].as_array().unwrap().len(), 14);
    assert_eq!(value["possible_members"][0]["id"], "un-women");
    assert_eq!(value["chairs"][0]["chairs"][0], "ohchr");
    insta::assert_snapshot!("at_2010_09_01_json", json);
}

#[test]
fn collective_interim_vacant_and_unknown_entries_are_named() {
    let (_, text) = at(&["2013-03-15"]);
    assert!(
        text.contains("chair: regional-commissions, coordinated by escap (2013-01..2013-06)"),
        "{text}"
    );
    let (_, text) = at(&["2012-02-01"]);
    assert!(text.contains("unesco, interim"), "{text}");
    let (_, text) = at(&["2009-03-01"]);
    assert!(text.contains("chair: vacant"), "{text}");
    let (_, text) = at(&["2012-06-10"]);
    assert!(text.contains("chair: unknown"), "{text}");
    let (_, text) = at(&["2003-05-01"]);
    assert!(text.contains("members: 6 certainly"), "{text}");
}

#[test]
fn a_bad_date_exits_2_and_says_why() {
    let out = Command::cargo_bin("roster")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["at", "2010-02-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .lines()
            .next()
            .unwrap_or_default()
            .ends_with("`2010-02-30`: February 2010 has 28 days"),
        "{stderr}"
    );
    let (status, _) = at(&["2010"]);
    assert_eq!(status, 2);
}

#[test]
fn a_chair_only_possibly_a_member_and_two_chairs_on_one_day_are_marked() {
    let tree = common::Tree::shipped();
    // WHO chairs in early 2010 although it joined on some day of 2010.
    tree.replace(
        "records/chairs.yaml",
        "  - chair: undp\n    start: 2010-01",
        "  - chair: who\n    start: 2010-01",
    );
    let run = common::roster(tree.path(), &["at", "2010-03-01"]);
    assert!(
        run.stdout
            .contains("chair: who (2010-01..2010-06); who possibly not yet or no longer a member"),
        "{}",
        run.stdout
    );
    // A second term over the same days, not written as co-chairs.
    tree.replace(
        "records/chairs.yaml",
        "  - chair: ohchr\n",
        "  - chair: iom\n    start: 2010-07\n    end: 2010-12\n    sources:\n      - iom-gmg-page-fr\n  - chair: ohchr\n",
    );
    let run = common::roster(tree.path(), &["at", "2010-09-01", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["overlapping_chairs"], true);
    assert_eq!(value["chairs"].as_array().unwrap().len(), 2);
    let run = common::roster(tree.path(), &["at", "2010-09-01"]);
    assert!(
        run.stdout
            .contains("chair: 2 entries cover this day, and they are not one co-chairmanship"),
        "{}",
        run.stdout
    );
}

//! `roster at DATE` on the shipped records.

use assert_cmd::Command;

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
    assert!(text.contains("possibly:  un-women (joined 2010)"), "{text}");
    assert!(text.contains("possibly:  who (joined 2010)"), "{text}");
    insta::assert_snapshot!("at_2010_09_01_human", text);

    let (status, json) = at(&["2010-09-01", "--format", "json"]);
    assert_eq!(status, 0);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["members"].as_array().unwrap().len(), 14);
    assert_eq!(value["possible_members"][0]["id"], "un-women");
    assert_eq!(value["chairs"][0]["chairs"][0], "ohchr");
    insta::assert_snapshot!("at_2010_09_01_json", json);
}

#[test]
fn collective_interim_vacant_and_unknown_entries_are_named() {
    let (_, text) = at(&["2013-03-15"]);
    assert!(
        text.contains("chair: escap on behalf of regional-commissions"),
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
fn a_bad_date_exits_2() {
    let (status, _) = at(&["2010-02-30"]);
    assert_eq!(status, 2);
    let (status, _) = at(&["2010"]);
    assert_eq!(status, 2);
}

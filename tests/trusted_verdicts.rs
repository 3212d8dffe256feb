//! Verdicts a maintainer can trust: certain findings fail, honest dates need no silence, and
//! nothing is answered outside what the records cover. Each case plants a change in a copy of
//! the shipped records (or the EU example) and runs the `roster` binary on it.

mod common;
use common::{manifest_dir, roster, Tree};

const WHO: &str = "records/members/who.yaml";
const GROUP: &str = "records/group.yaml";
const CHAIRS: &str = "records/chairs.yaml";

#[test]
fn the_shipped_records_pass_with_no_silence_at_all() {
    let tree = Tree::shipped();
    let run = tree.check(&[]);
    run.assert_code(0);
    assert!(
        run.stdout.starts_with("no problems found in "),
        "{}",
        run.stdout
    );
    // The coarse dates of the sources give uncertain findings: counted, not shown, not failing.
    assert!(
        run.stdout
            .contains("uncertain findings: `--uncertain` lists them"),
        "{}",
        run.stdout
    );
    for entry in walk(&manifest_dir().join("records")) {
        let text = std::fs::read_to_string(&entry).unwrap();
        assert!(
            !text.contains("# roster: allow"),
            "{} carries a silence",
            entry.display()
        );
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn uncertain_findings_are_listed_as_warnings_on_request_and_never_fail() {
    let tree = Tree::shipped();
    let run = tree.check(&["--uncertain"]);
    run.assert_code(0);
    assert!(run.stdout.contains("warning[T002]"), "{}", run.stdout);
    // `--deny` makes certain findings errors, never uncertain ones.
    let run = tree.check(&["--deny", "T002"]);
    run.assert_code(0);
    // roster.toml says the same as --uncertain.
    tree.write("roster.toml", "uncertain = \"warn\"\n");
    let run = tree.check(&[]);
    run.assert_code(0);
    assert!(run.stdout.contains("warning[T002]"), "{}", run.stdout);
    // And every machine format carries them with their certainty.
    std::fs::remove_file(tree.path().join("roster.toml")).unwrap();
    let run = tree.check(&["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let uncertain = value["summary"]["uncertain"].as_u64().unwrap();
    assert!(uncertain > 0, "{}", run.stdout);
    let notes = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["certainty"] == "possible" && d["severity"] == "note")
        .count();
    assert_eq!(notes as u64, uncertain);
}

#[test]
fn a_silence_on_an_uncertain_finding_silences_nothing() {
    let tree = Tree::shipped();
    tree.replace(
        "records/members/un-women.yaml",
        "joined: 2010-07-02/2010\n",
        "joined: 2010  # roster: allow T007 -- admitted in 2010, after its creation\n",
    );
    let run = tree.check(&[]);
    // The possible T007 finding is not silenced, so the silence silences nothing (a warning),
    // and a later certain error on the line would not be hidden.
    run.assert_code(0);
    run.assert_finding(
        "warning[R006]",
        &tree.place("records/members/un-women.yaml", "# roster", 0),
    );
}

#[test]
fn a_window_for_who_passes_and_roster_at_lists_who_as_possible() {
    for window in ["2010-02/2010-11", "2010-03/..", "../2010-11"] {
        let tree = Tree::shipped();
        tree.replace(WHO, "joined: 2010\n", &format!("joined: {window}\n"));
        let run = tree.check(&[]);
        run.assert_code(0);
        assert!(
            run.stdout.starts_with("no problems found in "),
            "{window}:\n{}",
            run.stdout
        );
        // A window closed on both sides, or open only after it, leaves no doubt about WHO's
        // membership before 2010; `../2010-11` (on or before) honestly does: WHO may have been
        // a member since 2003, which the early claims then count as uncertain.
        if !window.starts_with("..") {
            let run = tree.check(&["--uncertain"]);
            assert!(
                !run.stdout.contains("`who`") && !run.stdout.contains("../2010-11"),
                "{window}: a finding about WHO:\n{}",
                run.stdout
            );
        }
        let at = roster(tree.path(), &["at", "2010-06-01"]);
        at.assert_code(0);
        assert!(
            at.stdout
                .contains(&format!("possibly:  who (joined {window})")),
            "{window}:\n{}",
            at.stdout
        );
    }
}

#[test]
fn a_window_after_the_claim_contradicts_it_with_certainty() {
    let tree = Tree::shipped();
    tree.replace(WHO, "joined: 2010\n", "joined: 2011-03/2011-06\n");
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding("error[T002]", &tree.place(GROUP, "members: 16", 0));
    assert!(
        finding.contains(
            "claims `16` members from `2010-12` to `2013-12`, but the member records have"
        ),
        "{finding}"
    );
}

#[test]
fn a_term_before_an_open_window_could_start_is_a_certain_error() {
    // UNDP chaired January-June 2010; say it joined on or after March 2009... then move the
    // term before that.
    let tree = Tree::shipped();
    tree.replace(
        "records/members/undp.yaml",
        "joined: 2006-01/2006-04\n",
        "joined: 2009-03/..\n",
    );
    tree.replace(
        CHAIRS,
        "  - chair: unctad\n    start: 2008-07",
        "  - chair: undp\n    start: 2008-07",
    );
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding(
        "error[T006]",
        &tree.place(CHAIRS, "chair: undp\n    start: 2008-07", "chair: ".len()),
    );
    assert!(
        finding.contains("`undp` chaired 2008-07..2008-12 but joined only in 2009-03/.."),
        "{finding}"
    );
}

#[test]
fn a_rotation_regime_ended_a_year_early_leaves_the_2013_terms_outside_every_regime() {
    let tree = Tree::shipped();
    tree.replace(
        GROUP,
        "  - from: 2006\n    term_months: 6\n",
        "  - from: 2006\n    until: 2012-12\n    term_months: 6\n",
    );
    let run = tree.check(&[]);
    run.assert_code(1);
    for needle in [
        "chair: regional-commissions\n    coordinator: escap\n    start: 2013-01",
        "chair: iom\n    start: 2013-07",
    ] {
        let at = tree.place_after(CHAIRS, needle.lines().next().unwrap(), "start: 2013");
        let column = at.rsplit(':').next().unwrap().parse::<usize>().unwrap();
        let at = format!(
            "{}:{}",
            at.rsplit_once(':').unwrap().0,
            column + "start: ".len()
        );
        run.assert_finding("error[T011]", &at);
    }
}

#[test]
fn roster_at_says_why_it_lists_no_one_outside_the_records() {
    let tree = Tree::shipped();
    for (day, why) in [
        (
            "2003-01-01",
            "the group was founded in 2003-04, after this day.",
        ),
        (
            "2019-06-01",
            "not recorded: the records cover the group from 2003-04 to 2013-12.",
        ),
    ] {
        let run = roster(tree.path(), &["at", day]);
        run.assert_code(0);
        assert!(run.stdout.contains(why), "{day}:\n{}", run.stdout);
        assert!(
            !run.stdout.contains("certainly:") && !run.stdout.contains("chair:"),
            "{day}:\n{}",
            run.stdout
        );
        let run = roster(tree.path(), &["at", day, "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert!(value["members"].as_array().unwrap().is_empty());
        assert!(value["chairs"].as_array().unwrap().is_empty());
        assert!(value["working_groups"].as_array().unwrap().is_empty());
        assert_ne!(value["status"], "recorded");
        assert!(value["reason"].as_str().is_some());
    }
    // Inside the records, the undated working groups are shown as such.
    let run = roster(tree.path(), &["at", "2008-01-01"]);
    assert!(
        run.stdout.contains(
            "working group: mainstreaming-migration (co-chairs iom, undp; dates unknown)"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn an_eu_tree_cut_short_at_its_end_fails_with_no_as_of() {
    let tree = Tree::copy_of(&manifest_dir().join("examples/eu-council"));
    tree.edit(CHAIRS, |text| {
        let cut = text
            .find("  - chair: croatia\n    start: 2020-01")
            .expect("the presidency of 2020-01 is in the example");
        text[..cut].to_string()
    });
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding(
        "error[T003]",
        &tree.place(CHAIRS, "end: 2019-12", "end: ".len()),
    );
    assert!(
        finding.contains("no chair entry covers 2020-01..2030-12"),
        "{finding}"
    );
}

#[test]
fn a_date_that_is_not_one_is_a_schema_error_that_says_why() {
    for (written, says) in [
        ("2010-13", "`2010-13`: there is no month 13"),
        ("2010-02-30", "`2010-02-30`: February 2010 has 28 days"),
        ("2016/2014", "`2016/2014`: the window ends before it starts"),
        ("../..", "`../..` is not a date"),
    ] {
        let tree = Tree::shipped();
        tree.replace(WHO, "joined: 2010\n", &format!("joined: {written}\n"));
        let run = tree.check(&[]);
        run.assert_code(1);
        let finding = run.assert_finding(
            &format!("error[S001]: {says}"),
            &tree.place(WHO, "joined: ", "joined: ".len()),
        );
        assert!(finding.contains("not a date"), "{finding}");
    }
}

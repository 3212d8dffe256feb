//! The reference rules (R001-R004) catch an error planted in a real record.
//!
//! Each test copies the shipped `records/` and `schemas/` into a temporary folder, plants one
//! error in one of the shipped files, runs the `roster` binary and checks that it fails with the
//! rule's code at the planted place. Places are found by searching the edited text, so the tests
//! keep working when the records grow.

mod common;
use common::{manifest_dir, roster_check, Run, Tree};

/// Plants an error in `file` of a fresh copy of the shipped records with `edit`, checks the
/// copy, and asserts that the check failed with `code`.
fn plant(file: &str, code: &str, edit: impl FnOnce(&str) -> String) -> (Tree, Run) {
    let tree = Tree::shipped();
    tree.edit(file, edit);
    let run = tree.check(&[]);
    run.assert_code(1);
    assert!(
        run.stdout.contains(&format!("error[{code}]")),
        "{code} not reported:\n{}",
        run.stdout
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    (tree, run)
}

/// Asserts that a finding of `code` points at `place` and says `says`.
fn assert_says(run: &Run, code: &str, place: &str, says: &str) {
    let block = run.assert_finding(&format!("error[{code}]"), place);
    assert!(block.contains(says), "expected {says:?} in:\n{block}");
}

#[test]
fn shipped_records_have_no_reference_findings() {
    let (status, stdout, stderr) = roster_check(&manifest_dir(), &[]);
    assert_eq!(status, 0, "{stdout}{stderr}");
    for code in ["R001", "R002", "R003", "R004"] {
        assert!(!stdout.contains(&format!("[{code}]")), "{stdout}");
    }
}

#[test]
fn duplicate_source_id_is_reported_at_the_second() {
    let file = "records/sources.yaml";
    let (tree, run) = plant(file, "R001", |t| {
        format!(
            "{t}  - id: ceb-gmg-directory\n    title: Global Migration Group (GMG)\n    publisher: United Nations System Chief Executives Board for Coordination (CEB)\n    language: en\n    accessed: 2026-11\n"
        )
    });
    let second = tree.place_last(file, "ceb-gmg-directory", 0);
    assert_says(
        &run,
        "R001",
        &second,
        "two sources have the id `ceb-gmg-directory`",
    );
}

#[test]
fn misspelt_working_group_co_chair_is_reported_with_a_suggestion() {
    let file = "records/working-groups.yaml";
    let (tree, run) = plant(file, "R002", |t| {
        t.replacen("      - un-desa\n", "      - unhrc\n", 1)
    });
    let at = tree.place(file, "unhrc", 0);
    assert_says(&run, "R002", &at, "help: did you mean `unhcr`?");
}

#[test]
fn uncited_chair_term_is_reported_at_the_term() {
    let file = "records/chairs.yaml";
    let term = "  - chair: unctad\n    start: 2008-07\n    end: 2008-12\n    sources:\n      - ceb-gmg-directory\n";
    let (tree, run) = plant(file, "R003", |t| {
        t.replacen(
            term,
            "  - chair: unctad\n    start: 2008-07\n    end: 2008-12\n    sources: []\n",
            1,
        )
    });
    let at = tree.place(file, "chair: unctad", 0);
    assert_says(
        &run,
        "R003",
        &at,
        "the term of `unctad` 2008-07..2008-12 cites no source",
    );
}

#[test]
fn acronym_clash_is_reported_at_the_second_member() {
    let file = "records/members/who.yaml";
    let (tree, run) = plant(file, "R004", |t| {
        t.replacen("  en: WHO\n", "  en: IOM\n", 1)
    });
    let at = tree.place(file, "en: IOM", "en: ".len());
    let first = format!(
        "::: {}",
        tree.place("records/members/iom.yaml", "en: IOM", "en: ".len())
    );
    assert_says(&run, "R004", &at, &first);
    assert_says(
        &run,
        "R004",
        &at,
        "`who` and `iom` share the `en` acronym `IOM`",
    );
}

//! Starting the records of another body: `roster init` writes a tree that passes at once, a tree
//! without `schemas/` is checked against the schemas built into roster (the examples have
//! none), and `roster schemas` writes those schemas out for editors: the ones shipped in
//! `schemas/`, byte for byte.

mod common;
use common::{manifest_dir, roster, Tree};
use std::fs;

#[test]
fn init_writes_a_tree_that_passes_with_no_finding() {
    let dir = tempfile::tempdir().unwrap();
    let run = roster(
        dir.path(),
        &[
            "init",
            "asean",
            "--name",
            "Association of Southeast Asian Nations",
            "--languages",
            "en",
            "--founded",
            "1967-08-08",
        ],
    );
    run.assert_code(0);
    let root = dir.path().join("asean");
    assert!(!root.join("schemas").exists(), "init writes no schemas");
    let group = fs::read_to_string(root.join("records/group.yaml")).unwrap();
    assert!(group.contains("languages:\n  - en\n"), "{group}");
    for args in [&[][..], &["--uncertain"][..]] {
        let run = roster(&root, &[&["check", "--color", "never"], args].concat());
        run.assert_code(0);
        assert_eq!(run.stdout, "no problems found in 4 files\n");
    }
    // A second init in the same folder would overwrite the records: refused.
    let run = roster(dir.path(), &["init", "asean", "--name", "ASEAN"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("has a `records/` folder already"),
        "{}",
        run.stderr
    );
}

#[test]
fn init_in_two_languages_writes_a_tree_that_passes() {
    let dir = tempfile::tempdir().unwrap();
    roster(
        dir.path(),
        &[
            "init",
            "body",
            "--name",
            "Some Body",
            "--languages",
            "en,fr",
        ],
    )
    .assert_code(0);
    let root = dir.path().join("body");
    let group = fs::read_to_string(root.join("records/group.yaml")).unwrap();
    assert!(group.contains("languages:\n  - en\n  - fr\n"), "{group}");
    let run = roster(&root, &["check", "--color", "never"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "no problems found in 4 files\n");
}

#[test]
fn a_tree_without_schemas_is_checked_against_the_built_in_ones() {
    let tree = Tree::shipped();
    fs::remove_dir_all(tree.path().join("schemas")).unwrap();
    let run = tree.check(&[]);
    run.assert_code(0);
    assert!(
        run.stdout.starts_with("no problems found in 21 files"),
        "{}",
        run.stdout
    );
    // A key the member schema does not know is caught all the same.
    const IOM: &str = "records/members/iom.yaml";
    tree.replace(
        IOM,
        "founded: 1951\n",
        "founded: 1951\nwebsite: https://www.iom.int\n",
    );
    let run = tree.check(&[]);
    run.assert_code(1);
    let finding = run.assert_finding(
        "error[S001]: unknown key `website`",
        &tree.place(IOM, "website:", 0),
    );
    assert!(finding.contains("member.schema.json"), "{finding}");
}

#[test]
fn schemas_writes_the_shipped_schemas_and_never_overwrites_them() {
    let dir = tempfile::tempdir().unwrap();
    roster(dir.path(), &["schemas", "schemas"]).assert_code(0);
    let shipped = manifest_dir().join("schemas");
    let mut names = Vec::new();
    for entry in fs::read_dir(&shipped).unwrap() {
        let name = entry.unwrap().file_name();
        let written = fs::read(dir.path().join("schemas").join(&name))
            .unwrap_or_else(|_| panic!("{name:?} was not written"));
        assert_eq!(written, fs::read(shipped.join(&name)).unwrap(), "{name:?}");
        names.push(name);
    }
    assert_eq!(
        fs::read_dir(dir.path().join("schemas")).unwrap().count(),
        names.len()
    );
    roster(dir.path(), &["schemas", "schemas"]).assert_code(2);
}

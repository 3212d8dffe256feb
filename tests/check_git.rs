//! `roster check` in a git work tree: it reads the files git shows (tracked, and untracked but
//! not ignored), and with `--staged` the index, what the next commit holds, with the index's
//! own `roster.toml` and the index file a `git commit -a` hook is given.

mod common;
use common::{git_env, roster_with, Tree, GFMD};

const GROUPS: &str = "records/working-groups.yaml";
const NEW_MEMBER: &str = "records/members/gfmd.yaml";

/// Makes `gfmd` a co-chair of a working group: an R002 finding unless the member exists.
fn refer_to_gfmd(tree: &Tree) {
    tree.replace(
        GROUPS,
        "      - iom\n      - un-desa\n",
        "      - iom\n      - un-desa\n      - gfmd\n",
    );
}

/// Asserts that a check of `tree` passes, having read the 21 record files shipped.
fn passes_with_every_record(tree: &Tree) {
    let run = tree.check(&[]);
    run.assert_code(0);
    let read_all = run.stdout.starts_with("no problems found in 21 files");
    assert!(read_all, "{}", run.stdout);
}

#[test]
fn ignored_leftovers_are_not_records_but_other_untracked_files_are() {
    let tree = Tree::shipped();
    tree.write(".gitignore", "*~\n*.orig\n").init_git();
    tree.write("records/members/iom.yaml~", "an editor's backup")
        .write("records/chairs.yaml.orig", "a merge's leftover");
    passes_with_every_record(&tree);

    // git shows an untracked file it does not ignore, and so does roster.
    tree.write("records/members/notes.txt", "to do");
    let run = tree.check(&[]);
    run.assert_code(1);
    run.assert_finding("error[S002]", "records/members/notes.txt:1:1");
    assert!(!run.stdout.contains("iom.yaml~"), "{}", run.stdout);

    // Outside a git work tree the folder is read as it is: the leftovers are findings.
    std::fs::remove_dir_all(tree.path().join(".git")).unwrap();
    let run = tree.check(&[]);
    run.assert_code(1);
    run.assert_finding("error[S002]", "records/members/iom.yaml~:1:1");
    run.assert_finding("error[S002]", "records/chairs.yaml.orig:1:1");
}

#[test]
fn records_that_git_ignores_as_a_whole_are_read_as_they_are() {
    // A copy of the records in a folder that git ignores (under `target/`, say) is still
    // checked, not found empty.
    let tree = Tree::shipped();
    tree.write(".gitignore", "/records/\n/schemas/\n")
        .init_git();
    passes_with_every_record(&tree);
}

#[test]
fn a_diff_of_the_work_tree_leaves_ignored_files_out() {
    let tree = Tree::shipped();
    tree.write(".gitignore", "*~\n").init_git();
    tree.write("records/members/iom.yaml~", "an editor's backup");
    let run = roster_with(tree.path(), &["diff", "--format", "json"], &[]);
    run.assert_code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["changes"], serde_json::json!([]), "{}", run.stdout);
    assert_eq!(report["consequences"]["introduced"], serde_json::json!([]));
}

#[test]
fn staged_checks_the_index_not_the_work_tree() {
    let tree = Tree::shipped();
    tree.init_git();
    refer_to_gfmd(&tree);
    tree.git(&["add", GROUPS]);
    // The member exists in the work tree only: the commit would not hold it.
    tree.write(NEW_MEMBER, GFMD);
    tree.check(&[]).assert_code(0);
    let run = tree.check(&["--staged"]);
    run.assert_code(1);
    let place = tree.place(GROUPS, "gfmd", 0);
    run.assert_finding("error[R002]", &place);
    assert_eq!(
        run.stdout.matches("error[R002]").count(),
        1,
        "{}",
        run.stdout
    );

    // Staged with its member, the change passes; a mistake left unstaged does not count.
    tree.git(&["add", NEW_MEMBER]);
    tree.replace(NEW_MEMBER, "joined: 2014", "joined: 2014-13");
    tree.check(&["--staged"]).assert_code(0);
    tree.check(&[]).assert_code(1);
}

#[test]
fn staged_reads_the_staged_roster_toml() {
    let tree = Tree::shipped();
    tree.init_git();
    refer_to_gfmd(&tree);
    tree.git(&["add", GROUPS]);
    // An untracked roster.toml that would allow the finding is not part of the commit.
    tree.write("roster.toml", "[rules]\nR002 = \"allow\"\n");
    tree.check(&[]).assert_code(0);
    tree.check(&["--staged"]).assert_code(1);
    tree.git(&["add", "roster.toml"]);
    tree.check(&["--staged"]).assert_code(0);
}

#[test]
fn staged_reads_the_index_a_commit_hook_is_given() {
    // `git commit -a` stages into a temporary index and names it in GIT_INDEX_FILE, relative to
    // the top of the work tree, for its hooks.
    let tree = Tree::shipped();
    tree.init_git();
    refer_to_gfmd(&tree);
    let index = tree.path().join(".git/index");
    std::fs::copy(&index, tree.path().join(".git/next-index.lock")).unwrap();
    git_env(
        tree.path(),
        &["add", "-u"],
        &[("GIT_INDEX_FILE", ".git/next-index.lock")],
    );
    tree.check(&["--staged"]).assert_code(0);
    let run = roster_with(
        tree.path(),
        &["check", "--staged", "--color", "never"],
        &[("GIT_INDEX_FILE", ".git/next-index.lock")],
    );
    run.assert_code(1);
    run.assert_finding("error[R002]", &tree.place(GROUPS, "gfmd", 0));
}

#[test]
fn staged_needs_a_git_work_tree() {
    let tree = Tree::shipped();
    let run = tree.check(&["--staged"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("error: `--staged` checks git's index, but"),
        "{}",
        run.stderr
    );
}

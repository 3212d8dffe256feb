//! The examples of the reference pages are real output: each `## Example` of `docs/*-output.md`
//! is compared, as JSON, with what roster prints for the case its text describes, so that a
//! change to a format or to the shipped records that the page does not follow fails here.
//!
//! The comparison is of JSON values, not of text: the pages write short objects on one line.
//! Commit ids, which change with any change to the shipped records, are compared by shape only.
//! When a page is out of date, the failure prints the real output to paste into it.

mod common;
use common::{git_at, manifest_dir, roster_with, Tree, GFMD};
use serde_json::Value;

/// The JSON block that follows the `## Example` heading of `docs/PAGE`.
fn example(page: &str) -> Value {
    let text = std::fs::read_to_string(manifest_dir().join("docs").join(page)).unwrap();
    let after = &text[text
        .find("\n## Example\n")
        .unwrap_or_else(|| panic!("docs/{page} has no `## Example`"))..];
    let start = after.find("```json\n").expect("a ```json block") + "```json\n".len();
    let end = start + after[start..].find("\n```").expect("the block's end");
    serde_json::from_str(&after[start..end])
        .unwrap_or_else(|e| panic!("the example of docs/{page} is not JSON: {e}"))
}

/// Every commit id, whole (40 digits) or short (10, as in a report's `old` and `new`),
/// replaced by the same placeholder.
fn without_commit_ids(value: Value) -> Value {
    let is_id = |s: &str| {
        (s.len() == 40 || s.len() == 10)
            && s.bytes().all(|b| b.is_ascii_hexdigit())
            && !s.bytes().all(|b| b.is_ascii_digit())
    };
    match value {
        Value::String(s) if is_id(&s) => Value::String("<commit>".into()),
        Value::Array(items) => Value::Array(items.into_iter().map(without_commit_ids).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, without_commit_ids(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Asserts that the page's example is `real`, printing `real` to paste in when it is not.
fn assert_documented(page: &str, real: &str) {
    let real: Value = serde_json::from_str(real).expect("roster printed JSON");
    assert!(
        without_commit_ids(example(page)) == without_commit_ids(real.clone()),
        "the example of docs/{page} is not what roster prints; roster prints:\n{}",
        serde_json::to_string_pretty(&real).unwrap()
    );
}

#[test]
fn the_check_example_is_real() {
    // The page: a copy of the shipped records whose IOM record gives `joined` twice, checked
    // with `roster check --format json records/members/iom.yaml`.
    let tree = Tree::shipped();
    tree.replace(
        "records/members/iom.yaml",
        "joined: 2003-04\n",
        "joined: 2003-04\njoined: 2003\n",
    );
    let run = tree.check(&["--format", "json", "records/members/iom.yaml"]);
    run.assert_code(1);
    assert_documented("json-output.md", &run.stdout);
}

#[test]
fn the_at_example_is_real() {
    let run = roster_with(
        &manifest_dir(),
        &["at", "2010-09-01", "--format", "json"],
        &[],
    );
    run.assert_code(0);
    assert_documented("at-output.md", &run.stdout);
}

#[test]
fn the_diff_example_is_real() {
    // The page: HEAD has the member `hcr` where the chairs name `unhcr`, and `mondiale` in the
    // French name of IOM; the working tree has both as shipped, a new member `gfmd`, and IOM's
    // term of 2007 from February instead of January.
    let tree = Tree::shipped();
    let unhcr = tree.read("records/members/unhcr.yaml");
    let iom = tree.read("records/members/iom.yaml");
    let hcr = unhcr
        .replace("id: unhcr", "id: hcr")
        .replace("en: UNHCR", "en: HCR");
    std::fs::remove_file(tree.path().join("records/members/unhcr.yaml")).unwrap();
    tree.write("records/members/hcr.yaml", &hcr);
    tree.write(
        "records/members/iom.yaml",
        &iom.replace(" internationale ", " mondiale "),
    );
    tree.init_git();
    std::fs::remove_file(tree.path().join("records/members/hcr.yaml")).unwrap();
    tree.write("records/members/unhcr.yaml", &unhcr)
        .write("records/members/iom.yaml", &iom)
        .write("records/members/gfmd.yaml", GFMD)
        .replace(
            "records/chairs.yaml",
            "  - chair: iom\n    start: 2007-01\n",
            "  - chair: iom\n    start: 2007-02\n",
        );
    let run = roster_with(tree.path(), &["diff", "--format", "json"], &[]);
    run.assert_code(0);
    assert_documented("diff-output.md", &run.stdout);
}

#[test]
fn the_log_example_is_real() {
    // The page: `roster log HEAD~1..HEAD --format json` after a commit that moved IOM's year of
    // foundation.
    let tree = Tree::shipped();
    tree.init_git();
    tree.replace("records/members/iom.yaml", "founded: 1951", "founded: 1950");
    git_at(
        tree.path(),
        "2026-01-02T09:30:00+01:00",
        &["commit", "-q", "-a", "-m", "iom: founded in 1950"],
    );
    let run = roster_with(
        tree.path(),
        &["log", "HEAD~1..HEAD", "--format", "json"],
        &[],
    );
    run.assert_code(0);
    assert_documented("log-output.md", &run.stdout);
}

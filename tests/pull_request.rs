//! A pull request replayed commit by commit, as a reviewer meets it: three commits that extend
//! the records by a year, and what `roster diff` and `roster log` say about them.
//!
//! 1. Two members join in windows of months (no source gives the day), the six-month rotation
//!    ends and a yearly one starts, the coverage is extended, and the year's chair is added.
//! 2. The year's term is moved to start in February: it breaks the new regime (T005) and leaves
//!    January without a chair (T003).
//! 3. The term is put back to January, which fixes both.
//!
//! The pull request as a whole changes records and breaks nothing; the log names the commit
//! that broke the rules and the one that fixed them.

mod common;

use common::{copy_dir, manifest_dir};
use std::fs;
use std::path::Path;
use tempfile::TempDir;

fn git(dir: &Path, args: &[&str], day: u32) -> String {
    common::git_at(dir, &format!("2026-02-{day:02}T12:00:00+00:00"), args)
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} once in {file}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn member(id: &str, en: &str, fr: &str, acronym: (&str, &str), joined: &str) -> String {
    format!(
        "# yaml-language-server: $schema=../../schemas/member.schema.json
id: {id}
name:
  en: {en}
  fr: {fr}
acronym:
  en: {}
  fr: {}
joined: {joined}
sources:
  - iom-gmg-page-fr
note: >-
  A member invented for the replay of a pull request. The page names the year it joined but
  not the day, so the records keep the window of months it gives.
",
        acronym.0, acronym.1
    )
}

const YEARLY: &str = "  - from: 2014-01
    term_months: 12
    start_months:
      - 1
    sources:
      - iom-gmg-page-fr
    note: >-
      From 2014 the group is chaired for a year at a time (a regime invented for the replay of a
      pull request).
claims:
";

const TERM_2014: &str = "  - chair: unicef
    start: 2014-01
    end: 2014-12
    sources:
      - iom-gmg-page-fr
";

/// The shipped records on `main`, and the three commits of the pull request on `extend-2014`.
fn pull_request() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    copy_dir(&manifest_dir().join("records"), &p.join("records"));
    copy_dir(&manifest_dir().join("schemas"), &p.join("schemas"));
    git(p, &["init", "-q", "-b", "main"], 1);
    git(p, &["add", "-A"], 1);
    git(p, &["commit", "-q", "-m", "records as shipped"], 1);
    git(p, &["checkout", "-q", "-b", "extend-2014"], 1);

    // 1. Members, regime, coverage and the year's term.
    fs::write(
        p.join("records/members/wfp.yaml"),
        member(
            "wfp",
            "World Food Programme",
            "Programme alimentaire mondial",
            ("WFP", "PAM"),
            "2014-01/2014-06",
        ),
    )
    .unwrap();
    fs::write(
        p.join("records/members/fao.yaml"),
        member(
            "fao",
            "Food and Agriculture Organization of the United Nations",
            "Organisation des Nations Unies pour l'alimentation et l'agriculture",
            ("FAO", "FAO"),
            "2014-03/2014-09",
        ),
    )
    .unwrap();
    edit(
        p,
        "records/group.yaml",
        "  from: 2003-04\n  until: 2013-12\n",
        "  from: 2003-04\n  until: 2014-12\n",
    );
    edit(
        p,
        "records/group.yaml",
        "  - from: 2006\n",
        "  - from: 2006\n    until: 2013-12\n",
    );
    edit(p, "records/group.yaml", "claims:\n", YEARLY);
    let chairs = fs::read_to_string(p.join("records/chairs.yaml")).unwrap();
    fs::write(p.join("records/chairs.yaml"), chairs + TERM_2014).unwrap();
    git(p, &["add", "-A"], 2);
    git(
        p,
        &[
            "commit",
            "-q",
            "-m",
            "2014: WFP and FAO join, a yearly chair",
        ],
        2,
    );

    // 2. The term moved to February.
    edit(
        p,
        "records/chairs.yaml",
        "    start: 2014-01\n",
        "    start: 2014-02\n",
    );
    git(
        p,
        &["commit", "-q", "-am", "2014: the term starts in February"],
        3,
    );

    // 3. Back to January.
    edit(
        p,
        "records/chairs.yaml",
        "    start: 2014-02\n",
        "    start: 2014-01\n",
    );
    git(
        p,
        &[
            "commit",
            "-q",
            "-am",
            "2014: the term starts in January after all",
        ],
        4,
    );
    dir
}

fn roster(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = assert_cmd::Command::cargo_bin("roster")
        .unwrap()
        .current_dir(dir)
        .env_remove("GITHUB_SERVER_URL")
        .env_remove("GITHUB_REPOSITORY")
        .args(args)
        .output()
        .unwrap();
    common::outcome(&output)
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let (status, stdout, stderr) = roster(dir, args);
    assert_eq!(status, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

/// Commit ids change with the shipped records; snapshots name them by their subjects.
fn named(dir: &Path, text: &str) -> String {
    let mut text = text.to_string();
    for (rev, name) in [
        ("main", "<main>"),
        ("extend-2014~2", "<commit 1>"),
        ("extend-2014~1", "<commit 2>"),
        ("extend-2014", "<commit 3>"),
    ] {
        let id = git(dir, &["rev-parse", rev], 5);
        text = text.replace(&id, name).replace(&id[..10], name);
    }
    text
}

#[test]
fn the_pull_request_as_a_whole_changes_records_and_breaks_nothing() {
    let dir = pull_request();
    let p = dir.path();
    let report = json(p, &["diff", "main...extend-2014", "--format", "json"]);
    let consequences = &report["consequences"];
    for list in ["introduced", "under_silence", "silenced", "became_certain"] {
        assert_eq!(
            consequences[list],
            serde_json::json!([]),
            "{list}: {report}"
        );
    }
    // The new members are listed with their join windows, the fact a reviewer checks.
    let changes = report["changes"].as_array().unwrap();
    let wfp = changes.iter().find(|c| c["id"] == "wfp").unwrap();
    assert_eq!(wfp["change"], "added");
    assert!(wfp["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "/joined" && f["new"] == "2014-01/2014-06"));
    // The counts move from the first day a member may have joined, and the coverage gains 2014.
    let counts = consequences["member_counts"].as_array().unwrap();
    assert_eq!(counts[0]["start"], "2014-01-01", "{counts:?}");
    assert_eq!(
        consequences["coverage_gained"],
        serde_json::json!([{"start": "2014-01-01", "end": "2014-12-31"}])
    );

    let (_, markdown, _) = roster(
        p,
        &[
            "diff",
            "main...extend-2014",
            "--format",
            "markdown",
            "--link-base",
            "https://github.com/gmg/records/blob/HEAD-OF-PR",
        ],
    );
    assert!(markdown.contains(
        "[`records/members/wfp.yaml:2`](https://github.com/gmg/records/blob/HEAD-OF-PR/records/members/wfp.yaml#L2)"
    ));
    insta::assert_snapshot!("pull_request_markdown", named(p, &markdown));
    let (_, human, _) = roster(p, &["diff", "main...extend-2014", "--color", "never"]);
    insta::assert_snapshot!("pull_request_human", named(p, &human));
}

#[test]
fn the_log_names_the_commit_that_broke_a_rule_and_the_one_that_fixed_it() {
    let dir = pull_request();
    let p = dir.path();
    let log = json(p, &["log", "main..extend-2014", "--format", "json"]);
    let commits = log["commits"].as_array().unwrap();
    let subjects: Vec<&str> = commits
        .iter()
        .map(|c| c["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        [
            "2014: the term starts in January after all",
            "2014: the term starts in February",
            "2014: WFP and FAO join, a yearly chair",
        ]
    );
    let codes = |commit: &serde_json::Value, list: &str| -> Vec<String> {
        let mut codes: Vec<String> = commit["report"]["consequences"][list]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        codes.sort();
        codes
    };
    assert_eq!(codes(&commits[2], "introduced"), Vec::<String>::new());
    assert_eq!(codes(&commits[1], "introduced"), ["T003", "T005"]);
    assert_eq!(codes(&commits[1], "fixed"), Vec::<String>::new());
    assert_eq!(codes(&commits[0], "fixed"), ["T003", "T005"]);
    assert_eq!(codes(&commits[0], "introduced"), Vec::<String>::new());
    // The same consequences as `roster diff PARENT COMMIT`.
    for (i, rev) in ["extend-2014", "extend-2014~1", "extend-2014~2"]
        .iter()
        .enumerate()
    {
        let diff = json(p, &["diff", &format!("{rev}~1"), rev, "--format", "json"]);
        assert_eq!(
            commits[i]["report"]["consequences"], diff["consequences"],
            "{rev}"
        );
        assert_eq!(commits[i]["report"]["changes"], diff["changes"], "{rev}");
    }

    // Like git bisect: the commit that introduced the irregular term.
    let (status, found, _) = roster(p, &["log", "main..extend-2014", "--introduced", "T005"]);
    assert_eq!(status, 0);
    assert!(
        found.contains("2014: the term starts in February"),
        "{found}"
    );
    assert!(
        !found.contains("after all") && !found.contains("WFP and FAO join"),
        "{found}"
    );
    let (_, fixed, _) = roster(
        p,
        &[
            "log",
            "main..extend-2014",
            "--fixed",
            "irregular-term",
            "--format",
            "json",
        ],
    );
    let fixed: serde_json::Value = serde_json::from_str(&fixed).unwrap();
    assert_eq!(fixed["commits"].as_array().unwrap().len(), 1);
    assert_eq!(
        fixed["commits"][0]["subject"],
        "2014: the term starts in January after all"
    );
    let (_, none, _) = roster(p, &["log", "main..extend-2014", "--introduced", "T012"]);
    assert_eq!(
        none,
        "no commit in this range introduced a finding of T012 (rotation-out-of-order)\n"
    );
    let (status, _, stderr) = roster(p, &["log", "--introduced", "T999"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("no rule is called `T999`"), "{stderr}");

    let (_, human, _) = roster(p, &["log", "main..extend-2014", "--color", "never"]);
    insta::assert_snapshot!("pull_request_log_human", named(p, &human));
    let (_, markdown, _) = roster(
        p,
        &[
            "log",
            "main..extend-2014",
            "--format",
            "markdown",
            "--link-repo",
            "https://github.com/gmg/records",
        ],
    );
    insta::assert_snapshot!("pull_request_log_markdown", named(p, &markdown));
}

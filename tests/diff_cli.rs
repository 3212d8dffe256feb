//! `roster diff` and `roster log` end to end, on temporary git repositories made from the
//! shipped records. Commit dates and authors are fixed, so commit ids and reports are
//! reproducible; every repository is checked to be unchanged by roster.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

mod common;
use common::{copy_dir, git, manifest_dir};

/// A repository holding the shipped records, committed once on `main`.
fn repo() -> TempDir {
    common::shipped_repo("2026-01-01T12:00:00+00:00")
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} once in {file}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Everything under `.git` with its size and modification time.
fn git_state(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.join(".git")];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                out.push((entry.path(), meta.len(), meta.modified().unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Runs roster in `dir`; returns (exit code, stdout, stderr) and checks `.git` is untouched.
fn roster(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let before = dir.join(".git").exists().then(|| git_state(dir));
    let out = Command::cargo_bin("roster")
        .unwrap()
        .current_dir(dir)
        .arg("--color")
        .arg("never")
        .args(args)
        .output()
        .unwrap();
    if let Some(before) = before {
        assert_eq!(before, git_state(dir), "roster changed .git");
    }
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (status, stdout, stderr) = roster(dir, &all);
    assert_eq!(status, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

/// Snapshots the three formats of `roster diff` (HEAD against the working tree) and checks
/// the exit codes with and without `--exit-code`.
fn snapshot_all(dir: &Path, name: &str) -> serde_json::Value {
    for (format, ext) in [
        ("human", "human"),
        ("markdown", "markdown"),
        ("json", "json"),
    ] {
        let (status, stdout, stderr) = roster(dir, &["diff", "--format", format]);
        assert_eq!(status, 0, "{stderr}");
        insta::assert_snapshot!(format!("{name}_{ext}"), stdout);
    }
    let (status, _, _) = roster(dir, &["diff", "--exit-code"]);
    assert_eq!(status, 1, "changes give exit 1 with --exit-code");
    json(dir, &[])
}

fn kinds(report: &serde_json::Value) -> Vec<(String, String, String)> {
    report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["change"].as_str().unwrap().to_string(),
                c["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const NEW_MEMBER: &str = "# yaml-language-server: $schema=../../schemas/member.schema.json
id: wfp
name:
  en: World Food Programme
  fr: Programme alimentaire mondial
acronym:
  en: WFP
  fr: PAM
joined: 2006-06-01
left: 2006-08-31
sources:
  - secondary-facts
note: A member invented for a test of change reports.
";

#[test]
fn no_change_is_exit_0_even_with_exit_code() {
    let dir = repo();
    let (status, stdout, _) = roster(dir.path(), &["diff", "--exit-code"]);
    assert_eq!(status, 0, "{stdout}");
    assert!(stdout.contains("no change to the records"), "{stdout}");
}

#[test]
fn an_added_member_is_reported_with_the_counts_it_moves() {
    let dir = repo();
    fs::write(dir.path().join("records/members/wfp.yaml"), NEW_MEMBER).unwrap();
    let report = snapshot_all(dir.path(), "added_member");
    assert_eq!(
        kinds(&report),
        [("member".into(), "added".into(), "wfp".into())]
    );
    assert!(!report["consequences"]["member_counts"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(report["summary"]
        .as_str()
        .unwrap()
        .starts_with("1 member added"));
}

#[test]
fn member_counts_stop_at_the_end_of_what_the_records_cover() {
    // The records cover the group to the end of 2013: a member that joined in 2014 moves no
    // count, though it is reported as added.
    let dir = repo();
    let late = NEW_MEMBER.replace("joined: 2006-06-01\nleft: 2006-08-31\n", "joined: 2014\n");
    fs::write(dir.path().join("records/members/wfp.yaml"), late).unwrap();
    let report = json(dir.path(), &[]);
    assert_eq!(
        kinds(&report),
        [("member".into(), "added".into(), "wfp".into())]
    );
    assert!(
        report["consequences"]["member_counts"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{report}"
    );
    assert_eq!(report["summary"], "1 member added");
}

#[test]
fn member_counts_stop_at_the_dissolution_of_the_group() {
    // A group dissolved in June 2012: a member that joined in March 2012 and never left moves
    // the counts for March to June only, not as if the group still met.
    let dir = repo();
    let p = dir.path();
    edit(
        p,
        "records/group.yaml",
        "founded: 2003-04\n",
        "founded: 2003-04\ndissolved: 2012-06\n",
    );
    git(p, &["commit", "-q", "-am", "dissolved"]);
    let late = NEW_MEMBER.replace(
        "joined: 2006-06-01\nleft: 2006-08-31\n",
        "joined: 2012-03-01\n",
    );
    fs::write(p.join("records/members/wfp.yaml"), late).unwrap();
    let report = json(p, &[]);
    let counts = report["consequences"]["member_counts"].as_array().unwrap();
    assert_eq!(counts.len(), 1, "{report}");
    assert_eq!(counts[0]["start"], "2012-03-01");
    assert_eq!(counts[0]["end"], "2012-06-30");
}

#[test]
fn a_removed_member_breaks_the_claims_that_count_it() {
    let dir = repo();
    fs::remove_file(dir.path().join("records/members/who.yaml")).unwrap();
    let report = snapshot_all(dir.path(), "removed_member");
    assert_eq!(
        kinds(&report),
        [("member".into(), "removed".into(), "who".into())]
    );
    let introduced = report["consequences"]["introduced"].as_array().unwrap();
    assert!(
        introduced.iter().any(|f| f["code"] == "T002"),
        "{introduced:?}"
    );
}

#[test]
fn a_renamed_id_is_a_rename_not_a_removal_and_an_addition() {
    let dir = repo();
    let old = dir.path().join("records/members/world-bank.yaml");
    let text = fs::read_to_string(&old).unwrap();
    fs::remove_file(&old).unwrap();
    fs::write(
        dir.path().join("records/members/worldbank.yaml"),
        text.replace("id: world-bank", "id: worldbank"),
    )
    .unwrap();
    let report = snapshot_all(dir.path(), "renamed_id");
    assert_eq!(
        kinds(&report),
        [("member".into(), "renamed".into(), "worldbank".into())]
    );
    assert_eq!(report["changes"][0]["renamed_from"], "world-bank");
}

#[test]
fn a_changed_french_name_shows_the_words_that_changed() {
    let dir = repo();
    edit(
        dir.path(),
        "records/members/iom.yaml",
        "  fr: Organisation internationale pour les migrations",
        "  fr: Organisation internationale des migrations",
    );
    let report = snapshot_all(dir.path(), "changed_french_name");
    assert_eq!(
        kinds(&report),
        [("member".into(), "modified".into(), "iom".into())]
    );
    let field = &report["changes"][0]["fields"][0];
    assert_eq!(field["path"], "/name/fr");
    let words = field["words"].as_array().unwrap();
    assert!(
        words
            .iter()
            .any(|w| w["op"] == "delete" && w["text"] == "pour les"),
        "{words:?}"
    );
    assert!(
        words
            .iter()
            .any(|w| w["op"] == "insert" && w["text"] == "des"),
        "{words:?}"
    );
}

#[test]
fn a_moved_chair_term_is_a_modification_of_the_same_term() {
    let dir = repo();
    edit(
        dir.path(),
        "records/chairs.yaml",
        "  - chair: undp\n    start: 2010-01",
        "  - chair: undp\n    start: 2010-02",
    );
    let report = snapshot_all(dir.path(), "moved_chair_term");
    assert_eq!(
        kinds(&report),
        [(
            "chairs".into(),
            "modified".into(),
            "undp 2010-02..2010-06".into()
        )]
    );
    assert_eq!(report["changes"][0]["fields"][0]["path"], "/start");
    let lost = &report["consequences"]["coverage_lost"];
    assert_eq!(lost[0]["start"], "2010-01-01");
    assert_eq!(lost[0]["end"], "2010-01-31");
    let codes: Vec<&str> = report["consequences"]["introduced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"T003") && codes.contains(&"T005"),
        "{codes:?}"
    );
}

#[test]
fn the_markdown_report_draws_the_chair_terms_around_each_changed_period() {
    // Two changes seven years apart: two charts, each of the terms around its change.
    let dir = repo();
    let p = dir.path();
    edit(
        p,
        "records/chairs.yaml",
        "  - chair: unhcr\n    start: 2006-07",
        "  - chair: unhcr\n    start: 2006-08",
    );
    edit(
        p,
        "records/chairs.yaml",
        "  - chair: iom\n    start: 2013-07",
        "  - chair: ilo\n    start: 2013-07",
    );
    let (status, markdown, stderr) = roster(p, &["diff", "--format", "markdown"]);
    assert_eq!(status, 0, "{stderr}");
    let charts: Vec<&str> = markdown.split("```mermaid\n").skip(1).collect();
    assert_eq!(charts.len(), 2, "{markdown}");
    assert!(
        charts[0].contains("    unhcr :done, 2006-07-01, 2007-01-01\n"),
        "{}",
        charts[0]
    );
    assert!(
        charts[0].contains("    unhcr :crit, 2006-08-01, 2007-01-01\n"),
        "{}",
        charts[0]
    );
    assert!(!charts[0].contains("2013"), "{}", charts[0]);
    assert!(
        charts[1].contains("    iom :done, 2013-07-01, 2014-01-01\n"),
        "{}",
        charts[1]
    );
    assert!(
        charts[1].contains("    ilo :crit, 2013-07-01, 2014-01-01\n"),
        "{}",
        charts[1]
    );
    // Neither the human nor the JSON report has it.
    let (_, human, _) = roster(p, &["diff"]);
    assert!(!human.contains("mermaid"));
}

#[test]
fn an_added_document_is_reported() {
    let dir = repo();
    let path = dir.path().join("records/documents.yaml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(
        "  - id: gmg-fact-sheet\n    title: GMG Fact Sheet\n    language: en\n    kind: paper\n    published: 2012\n    sources:\n      - iom-gmg-page-fr\n",
    );
    fs::write(&path, text).unwrap();
    let report = snapshot_all(dir.path(), "added_document");
    assert_eq!(
        kinds(&report),
        [("documents".into(), "added".into(), "gmg-fact-sheet".into())]
    );
}

#[test]
fn a_change_that_breaks_a_rule_reports_the_new_error() {
    let dir = repo();
    edit(
        dir.path(),
        "records/members/undp.yaml",
        "joined: 2006-01/2006-04",
        "joined: 2011",
    );
    let report = snapshot_all(dir.path(), "breaks_a_rule");
    assert_eq!(
        kinds(&report),
        [("member".into(), "modified".into(), "undp".into())]
    );
    let introduced = report["consequences"]["introduced"].as_array().unwrap();
    let t006 = introduced
        .iter()
        .find(|f| f["code"] == "T006")
        .expect("T006");
    assert_eq!(t006["file"], "records/chairs.yaml");
    assert!(report["summary"].as_str().unwrap().contains("new error"));
}

#[test]
fn a_silence_added_over_an_error_is_silenced_not_fixed() {
    let dir = repo();
    let p = dir.path();
    edit(
        p,
        "records/members/undp.yaml",
        "joined: 2006-01/2006-04",
        "joined: 2011",
    );
    git(p, &["commit", "-q", "-am", "UNDP joined in 2011"]);
    // The T006 finding is on UNDP's term in the chairs file: a silence there hides it.
    let chairs = fs::read_to_string(p.join("records/chairs.yaml")).unwrap();
    let line = chairs
        .lines()
        .position(|l| l.trim() == "- chair: undp")
        .expect("UNDP's term");
    let mut lines: Vec<String> = chairs.lines().map(String::from).collect();
    lines[line].push_str("  # roster: allow T006 -- a test silences it");
    fs::write(p.join("records/chairs.yaml"), lines.join("\n") + "\n").unwrap();

    let report = json(p, &[]);
    assert!(kinds(&report).is_empty(), "{report}");
    let summary = report["summary"].as_str().unwrap();
    assert!(summary.starts_with("no change to the records"), "{summary}");
    assert!(summary.contains("1 error silenced"), "{summary}");
    assert!(!summary.contains("fixed"), "{summary}");
    let silenced = report["consequences"]["silenced"].as_array().unwrap();
    assert_eq!(silenced.len(), 1, "{report}");
    assert_eq!(silenced[0]["code"], "T006");
    let by = format!("records/chairs.yaml:{}", line + 1);
    assert_eq!(silenced[0]["silenced_by"], by.as_str());
    assert!(report["consequences"]["fixed"]
        .as_array()
        .unwrap()
        .is_empty());

    let (_, human, _) = roster(p, &["diff"]);
    assert!(
        human.contains(&format!("(silenced by {by}, not fixed)")),
        "{human}"
    );
}

#[test]
fn a_change_under_an_existing_silence_is_reported_with_it() {
    let dir = repo();
    let p = dir.path();
    // A silence kept on UNDP's term for a T006 finding the records once had; R006 reports it
    // as silencing nothing, until a change brings a finding under it.
    let chairs = fs::read_to_string(p.join("records/chairs.yaml")).unwrap();
    let line = chairs
        .lines()
        .position(|l| l.trim() == "- chair: undp")
        .expect("UNDP's term");
    let mut lines: Vec<String> = chairs.lines().map(String::from).collect();
    lines[line].push_str("  # roster: allow T006 -- a test silences it");
    fs::write(p.join("records/chairs.yaml"), lines.join("\n") + "\n").unwrap();
    git(p, &["commit", "-q", "-am", "a silence"]);
    edit(
        p,
        "records/members/undp.yaml",
        "joined: 2006-01/2006-04",
        "joined: 2011",
    );
    let report = json(p, &[]);
    let under = report["consequences"]["under_silence"].as_array().unwrap();
    let t006 = under
        .iter()
        .find(|f| f["code"] == "T006")
        .expect("the T006 finding under the silence is reported");
    let by = format!("records/chairs.yaml:{}", line + 1);
    assert_eq!(t006["silenced_by"], by.as_str());
    let summary = report["summary"].as_str().unwrap();
    assert!(summary.contains("1 error new under a silence"), "{summary}");
}

#[test]
fn one_member_added_and_one_term_changed_report_exactly_those() {
    let dir = repo();
    fs::write(dir.path().join("records/members/wfp.yaml"), NEW_MEMBER).unwrap();
    edit(
        dir.path(),
        "records/chairs.yaml",
        "  - chair: unfpa\n    start: 2008-01",
        "  - chair: unctad\n    start: 2008-01",
    );
    let report = json(dir.path(), &[]);
    assert_eq!(
        kinds(&report),
        [
            ("member".into(), "added".into(), "wfp".into()),
            (
                "chairs".into(),
                "modified".into(),
                "unctad 2008-01..2008-06".into()
            ),
        ]
    );
    let fields = report["changes"][1]["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0]["path"], "/chair");
    let c = &report["consequences"];
    assert!(c["introduced"].as_array().unwrap().is_empty(), "{c}");
    assert!(c["fixed"].as_array().unwrap().is_empty(), "{c}");
    assert!(c["coverage_gained"].as_array().unwrap().is_empty());
    assert!(c["coverage_lost"].as_array().unwrap().is_empty());
    // A member for the summer of 2006 (no claim speaks of those months): one more member from
    // 2006-06-01 to 2006-08-31.
    let counts = c["member_counts"].as_array().unwrap();
    assert_eq!(counts.len(), 1, "{counts:?}");
    let expected = [("2006-06-01", "2006-08-31", 11, 11)];
    for (count, (start, end, certain, possible)) in counts.iter().zip(expected) {
        assert_eq!(count["start"], start, "{counts:?}");
        assert_eq!(count["end"], end, "{counts:?}");
        assert_eq!(
            count["new"],
            serde_json::json!({"certain": certain, "possible": possible})
        );
    }
    assert_eq!(
        report["summary"],
        "1 member added, 1 field changed in 1 chair entry; member counts changed"
    );
}

#[test]
fn revisions_ranges_and_the_index_are_sides() {
    let dir = repo();
    let p = dir.path();
    git(p, &["checkout", "-q", "-b", "feature"]);
    edit(
        p,
        "records/members/iom.yaml",
        "founded: 1951",
        "founded: 1951-12-06",
    );
    git(p, &["commit", "-q", "-am", "IOM founding day"]);
    git(p, &["checkout", "-q", "main"]);
    edit(
        p,
        "records/members/ilo.yaml",
        "founded: 1919",
        "founded: 1919-04-11",
    );
    git(p, &["commit", "-q", "-am", "ILO founding day"]);

    // Two dots compare the two tips; three dots compare feature with the merge base.
    let two = json(p, &["main..feature"]);
    assert_eq!(kinds(&two).len(), 2, "{two}");
    let three = json(p, &["main...feature"]);
    assert_eq!(
        kinds(&three),
        [("member".into(), "modified".into(), "iom".into())]
    );
    assert!(three["old"]
        .as_str()
        .unwrap()
        .starts_with("merge base of main and feature"));
    let explicit = json(p, &["main", "feature"]);
    assert_eq!(kinds(&explicit).len(), 2);

    // The index: staged changes only.
    edit(
        p,
        "records/members/unhcr.yaml",
        "joined: 2003-04",
        "joined: 2003-04-01",
    );
    git(p, &["add", "records/members/unhcr.yaml"]);
    edit(
        p,
        "records/members/unodc.yaml",
        "joined: 2003-04",
        "joined: 2003-04-01",
    );
    let staged = json(p, &["--staged"]);
    assert_eq!(
        kinds(&staged),
        [("member".into(), "modified".into(), "unhcr".into())]
    );
    let worktree = json(p, &[]);
    assert_eq!(kinds(&worktree).len(), 2);
}

#[test]
fn two_folders_need_no_repository() {
    let old = tempfile::tempdir().unwrap();
    let new = tempfile::tempdir().unwrap();
    for dir in [&old, &new] {
        copy_dir(&manifest_dir().join("records"), &dir.path().join("records"));
        copy_dir(&manifest_dir().join("schemas"), &dir.path().join("schemas"));
    }
    fs::write(new.path().join("records/members/wfp.yaml"), NEW_MEMBER).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let (status, stdout, stderr) = roster(
        elsewhere.path(),
        &[
            "diff",
            "--old-dir",
            old.path().to_str().unwrap(),
            "--new-dir",
            new.path().to_str().unwrap(),
            "--format",
            "json",
            "--exit-code",
        ],
    );
    assert_eq!(status, 1, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        kinds(&report),
        [("member".into(), "added".into(), "wfp".into())]
    );
}

#[test]
fn bad_revisions_and_places_exit_2_with_a_clear_message() {
    let dir = repo();
    let (status, stdout, stderr) = roster(dir.path(), &["diff", "mian"]);
    assert_eq!(status, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("`mian` is not a revision"), "{stderr}");

    let (status, _, stderr) = roster(dir.path(), &["diff", "main..nope"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("`nope`"), "{stderr}");

    let (status, _, stderr) = roster(dir.path(), &["diff", "main..HEAD", "HEAD"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("range already"), "{stderr}");

    // A records folder that is not a repository: revisions cannot be read.
    let plain = tempfile::tempdir().unwrap();
    copy_dir(
        &manifest_dir().join("records"),
        &plain.path().join("records"),
    );
    copy_dir(
        &manifest_dir().join("schemas"),
        &plain.path().join("schemas"),
    );
    let (status, _, stderr) = roster(plain.path(), &["diff"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("not inside a git repository"), "{stderr}");

    let (status, _, stderr) = roster(dir.path(), &["diff", "--old-dir", "/does/not/exist"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("/does/not/exist"), "{stderr}");
}

#[test]
fn a_shallow_clone_missing_the_base_says_how_to_fetch_it() {
    let dir = repo();
    edit(
        dir.path(),
        "records/members/iom.yaml",
        "founded: 1951",
        "founded: 1951-12-06",
    );
    git(dir.path(), &["commit", "-q", "-am", "second"]);
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", dir.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let shallow = clone.path().join("shallow");
    let (status, _, stderr) = roster(&shallow, &["diff", "HEAD~1"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("shallow"), "{stderr}");
    assert!(stderr.contains("fetch"), "{stderr}");
}

#[test]
fn log_lists_the_changes_of_each_commit_newest_first() {
    let dir = repo();
    let p = dir.path();
    edit(
        p,
        "records/members/iom.yaml",
        "founded: 1951",
        "founded: 1951-12-06",
    );
    git(p, &["commit", "-q", "-am", "IOM founding day"]);
    fs::write(p.join("README.md"), "not records\n").unwrap();
    git(p, &["add", "README.md"]);
    git(p, &["commit", "-q", "-m", "readme only"]);
    fs::write(p.join("records/members/wfp.yaml"), NEW_MEMBER).unwrap();
    git(p, &["add", "-A"]);
    git(p, &["commit", "-q", "-m", "add WFP"]);

    let (status, stdout, stderr) = roster(p, &["log", "--format", "json"]);
    assert_eq!(status, 0, "{stderr}");
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let commits = log["commits"].as_array().unwrap();
    let subjects: Vec<&str> = commits
        .iter()
        .map(|c| c["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        ["add WFP", "IOM founding day", "records as shipped"]
    );
    assert_eq!(
        commits[0]["report"]["summary"],
        "1 member added; member counts changed"
    );
    assert_eq!(
        commits[1]["report"]["summary"],
        "1 field changed in 1 member"
    );
    assert!(commits[2]["report"]["summary"]
        .as_str()
        .unwrap()
        .starts_with("1 group record added, 16 members added"));

    let (status, human, _) = roster(p, &["log", "HEAD~1..HEAD"]);
    assert_eq!(status, 0);
    // Commit ids change with the shipped records and schemas the repository is made of; the
    // snapshot names them by what they are.
    let head = git(p, &["rev-parse", "--short=10", "HEAD"]);
    let parent = git(p, &["rev-parse", "--short=10", "HEAD~1"]);
    let human = human
        .replace(head.trim(), "<HEAD>")
        .replace(parent.trim(), "<HEAD~1>");
    insta::assert_snapshot!("log_last_commit_human", human);
}

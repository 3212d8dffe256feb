//! The `roster` binary end to end: exit codes, planted errors in a copy of the shipped records,
//! and hostile input. Every test works on its own temporary copy; the repository is never
//! touched.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

mod common;
use common::{manifest_dir, outcome, place_of, roster as roster_in, shipped_copy, Tree};

fn roster(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("roster").unwrap();
    cmd.current_dir(root).env_remove("NO_COLOR");
    cmd
}

/// Runs `roster check` in `root`; returns (exit code, stdout, stderr).
fn check(root: &Path, extra: &[&str]) -> (i32, String, String) {
    outcome(&roster(root).arg("check").args(extra).output().unwrap())
}

/// 1-based number of the line of the shipped IOM record where `needle` first occurs.
fn line_of(needle: &str) -> usize {
    place_of(
        &fs::read_to_string(manifest_dir().join(IOM)).unwrap(),
        needle,
    )
    .0
}

const IOM: &str = "records/members/iom.yaml";

/// Rewrites the IOM record in a fresh copy, checks it, and asserts one finding of `code` at
/// `line:col` with exit 1.
fn planted(edit: impl FnOnce(&str) -> Vec<u8>, code: &str, line: usize, col: usize) {
    let tree = Tree::shipped();
    fs::write(tree.path().join(IOM), edit(&tree.read(IOM))).unwrap();
    let run = tree.check(&[]);
    run.assert_code(1);
    run.assert_finding(&format!("error[{code}]"), &format!("{IOM}:{line}:{col}"));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn shipped_records_pass() {
    let (status, stdout, stderr) = check(&manifest_dir(), &["--color", "never"]);
    assert_eq!(status, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("error"), "{stdout}");
}

#[test]
fn planted_bad_date_is_located() {
    let line = line_of("joined:");
    planted(
        |t| {
            t.replace("joined: 2003-04", "joined: 2003-02-30")
                .into_bytes()
        },
        "S001",
        line,
        9,
    );
}

#[test]
fn planted_unknown_key_is_located() {
    let line = line_of("joined:") + 1;
    planted(
        |t| {
            t.replace("joined: 2003-04\n", "joined: 2003-04\nlangauge: en\n")
                .into_bytes()
        },
        "S001",
        line,
        1,
    );
}

#[test]
fn planted_missing_required_key_points_at_the_mapping() {
    let line = line_of("id:");
    planted(
        |t| t.replace("joined: 2003-04\n", "").into_bytes(),
        "S001",
        line,
        1,
    );
}

#[test]
fn planted_wrong_type_is_located() {
    let line = line_of("founded:");
    planted(
        |t| t.replace("founded: 1951", "founded: [1951]").into_bytes(),
        "S001",
        line,
        10,
    );
}

#[test]
fn planted_duplicate_key_is_located() {
    let line = line_of("joined:") + 1;
    planted(
        |t| {
            t.replace("joined: 2003-04\n", "joined: 2003-04\njoined: 2003\n")
                .into_bytes()
        },
        "Y002",
        line,
        1,
    );
}

#[test]
fn planted_alias_is_located() {
    let line = line_of("joined:");
    planted(
        |t| {
            t.replace("joined: 2003-04\n", "joined: &j 2003-04\nleft: *j\n")
                .into_bytes()
        },
        "Y004",
        line,
        9,
    );
}

#[test]
fn planted_tab_indentation_is_located() {
    let line = line_of("  en: IOM");
    planted(
        |t| t.replace("  en: IOM", "\ten: IOM").into_bytes(),
        "Y001",
        line,
        1,
    );
}

#[test]
fn planted_invalid_utf8_is_located() {
    let line = line_of("  en: IOM");
    planted(
        |t| {
            let mut bytes = t.as_bytes().to_vec();
            let at = t.find("  en: IOM").unwrap() + 6;
            bytes[at] = 0xFF;
            bytes
        },
        "Y001",
        line,
        7,
    );
}

#[test]
fn planted_second_document_is_located() {
    let text = fs::read_to_string(manifest_dir().join(IOM)).unwrap();
    let line = text.lines().count() + 1;
    planted(
        |t| format!("{t}---\nid: iom\n").into_bytes(),
        "Y004",
        line,
        1,
    );
}

#[test]
fn every_format_runs_on_the_shipped_records() {
    for format in ["human", "json", "github", "sarif", "junit", "markdown"] {
        let (status, stdout, stderr) = check(&manifest_dir(), &["--format", format]);
        assert_eq!(status, 0, "{format}: {stdout}{stderr}");
        assert!(
            !stdout.is_empty() || format == "github",
            "{format} printed nothing"
        );
    }
}

#[test]
fn paths_report_the_findings_in_their_files_and_count_the_others() {
    let tree = Tree::shipped();
    tree.replace("records/chairs.yaml", "start: 2006-07", "strat: 2006-07");
    tree.replace(IOM, "joined: 2003-04", "joined: 2003-13");
    let all: serde_json::Value =
        serde_json::from_str(&tree.check(&["--format", "json"]).stdout).unwrap();
    let others = all["summary"]["errors"].as_u64().unwrap() - 1;
    // The whole tree is checked: the errors elsewhere are counted, not shown.
    let run = tree.check(&[IOM]);
    run.assert_code(1);
    run.assert_finding("error[S001]", &tree.place(IOM, "2003-13", 0));
    assert!(
        !run.stdout.contains("records/chairs.yaml"),
        "{}",
        run.stdout
    );
    let summary = format!(
        "error: 1 error in 1 file; {others} errors in other files: \
         `roster check` without paths shows them"
    );
    assert!(run.stdout.contains(&summary), "{}", run.stdout);
    // A file without findings passes, whatever the others hold; a folder covers its files.
    let run = tree.check(&["records/members/unhcr.yaml"]);
    run.assert_code(0);
    let summary = format!("no problems found in 1 file; {} errors", others + 1);
    assert!(run.stdout.starts_with(&summary), "{}", run.stdout);
    let run = tree.check(&["records/members", "--format", "json"]);
    run.assert_code(1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 16);
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(json["summary"]["other_files"]["errors"], others);
    // A path relative to a subfolder, as a shell in that folder gives it.
    let run = roster_in(
        &tree.path().join("records/members"),
        &["check", "--color", "never", "iom.yaml"],
    );
    run.assert_code(1);
    run.assert_finding("error[S001]", &tree.place(IOM, "2003-13", 0));
}

#[test]
fn a_silenced_finding_is_a_suppressed_sarif_result_and_nothing_elsewhere() {
    let tree = Tree::shipped();
    tree.edit(IOM, |text| {
        format!("{text}website: iom.int  # roster: allow S001 -- kept until the schema has it\n")
    });
    let human = tree.check(&[]);
    human.assert_code(0);
    assert!(!human.stdout.contains("S001"), "{}", human.stdout);

    let run = tree.check(&["--format", "sarif"]);
    run.assert_code(0);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let silenced: Vec<_> = results
        .iter()
        .filter(|r| r["suppressions"].as_array().is_some_and(|s| !s.is_empty()))
        .collect();
    assert_eq!(silenced.len(), 1, "{}", run.stdout);
    assert_eq!(silenced[0]["ruleId"], "S001");
    assert_eq!(
        silenced[0]["suppressions"],
        serde_json::json!([{"kind": "inSource", "justification": "kept until the schema has it"}])
    );
    let region = &silenced[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["snippet"]["text"], "website");
    // The other formats leave it out.
    let json = tree.check(&["--format", "json"]);
    assert!(!json.stdout.contains("S001"), "{}", json.stdout);
}

#[test]
fn a_path_that_does_not_exist_or_is_elsewhere_exits_2() {
    let tree = Tree::shipped();
    let run = tree.check(&["missing.yaml"]);
    run.assert_code(2);
    assert_eq!(run.stderr, "error: `missing.yaml` does not exist\n");
    assert!(run.stdout.is_empty());

    // A record of another repository: the error names this run's root.
    let other = Tree::shipped();
    let elsewhere = other.path().join(IOM);
    let run = tree.check(&[elsewhere.to_str().unwrap()]);
    run.assert_code(2);
    let root = tree.path().canonicalize().unwrap();
    assert!(
        run.stderr.starts_with(&format!(
            "error: `{}` is outside the records repository at `{}`",
            elsewhere.display(),
            root.display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn the_root_is_found_from_a_subfolder() {
    let (status, stdout, stderr) = check(&manifest_dir().join("records/members"), &[]);
    assert_eq!(status, 0, "{stdout}{stderr}");
}

#[test]
fn a_folder_without_records_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (status, stdout, stderr) = check(dir.path(), &[]);
    assert_eq!(status, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("error: no records repository found"),
        "{stderr}"
    );

    let (status, _, stderr) = check(dir.path(), &["--root", "does-not-exist"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("has no `records/` folder"), "{stderr}");
}

#[test]
fn bad_arguments_exit_2() {
    let (status, _, stderr) = check(&manifest_dir(), &["--format", "xml"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("invalid value"), "{stderr}");
    let output = roster(&manifest_dir()).arg("frobnicate").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn version_and_help_exit_0() {
    let output = roster(&manifest_dir()).arg("--version").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("roster "));
    let output = roster(&manifest_dir())
        .args(["check", "--help"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("pre-commit"));
}

#[test]
fn a_broken_schema_exits_2() {
    let dir = shipped_copy();
    fs::write(dir.path().join("schemas/member.schema.json"), "{ not json").unwrap();
    let (status, _, stderr) = check(dir.path(), &[]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("`schemas/member.schema.json` is not valid JSON"),
        "{stderr}"
    );
}

#[test]
fn a_remote_ref_is_refused_not_fetched() {
    let dir = shipped_copy();
    fs::write(
        dir.path().join("schemas/member.schema.json"),
        r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "https://example.com/member.json"}"#,
    )
    .unwrap();
    let (status, _, stderr) = check(dir.path(), &[]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("https://example.com/member.json"),
        "{stderr}"
    );
    assert!(stderr.contains("never fetches a remote `$ref`"), "{stderr}");
}

#[test]
fn a_schema_breaking_the_meta_schema_exits_2() {
    let dir = shipped_copy();
    fs::write(
        dir.path().join("schemas/member.schema.json"),
        r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "mapping"}"#,
    )
    .unwrap();
    let (status, _, stderr) = check(dir.path(), &[]);
    assert_eq!(status, 2);
    assert!(stderr.contains("meta-schema"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed() {
    let dir = shipped_copy();
    let link = dir.path().join("records/members/loop.yaml");
    std::os::unix::fs::symlink(&link, &link).unwrap();
    let (status, stdout, stderr) = check(dir.path(), &["--color", "never"]);
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stdout.starts_with(&format!(
            "error[S003]: `records/members/loop.yaml` is a symbolic link to `{}`, not a regular file\n",
            link.display()
        )),
        "{stdout}"
    );
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let dir = shipped_copy();
    let file = fs::File::create(dir.path().join("records/members/huge.yaml")).unwrap();
    file.set_len(1 << 30).unwrap(); // sparse: costs no disk
    let (status, stdout, _) = check(dir.path(), &["--color", "never"]);
    assert_eq!(status, 1);
    assert!(
        stdout.contains("the file is 1024 MiB, over the 512 MiB"),
        "{stdout}"
    );
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let dir = shipped_copy();
    let path = dir.path().join(IOM);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("joined: 2003-04", "joined: 2003-13")).unwrap();
    let (_, always, _) = check(dir.path(), &["--color", "always"]);
    assert!(always.contains('\u{1b}'), "{always}");
    let (_, never, _) = check(dir.path(), &["--color", "never"]);
    assert!(!never.contains('\u{1b}'));
    let output = roster(dir.path())
        .env("NO_COLOR", "1")
        .arg("check")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
}

#[test]
fn quiet_prints_nothing_when_there_is_no_error() {
    let (status, stdout, _) = check(&manifest_dir(), &["--quiet"]);
    assert_eq!(status, 0);
    assert_eq!(stdout, "");
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = shipped_copy();
    // Enough findings to overflow a pipe buffer that nobody reads.
    let mut many = String::new();
    for i in 0..3000 {
        many.push_str(&format!("k{i}: NO\n"));
    }
    fs::write(dir.path().join("records/members/iom.yaml"), many).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roster"))
        .current_dir(dir.path())
        .args(["check", "--color", "never"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

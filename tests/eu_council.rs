//! roster beyond the GMG: 126 real six-month presidencies of the Council of the EU, 1958-2020,
//! in `examples/eu-council/`. The records pass with no finding at all, and planted errors in a
//! copy are caught: a gap in the rotation, an overlap, a presidency held by a non-member.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/eu-council")
}

fn check(root: &Path) -> (i32, String) {
    let out = Command::cargo_bin("roster")
        .unwrap()
        .args(["check", "--color", "never", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap(), text)
}

/// A copy of the example's records beside the shipped schemas, with `chairs.yaml` edited.
fn planted(edit: impl FnOnce(&str) -> String) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records");
    fs::create_dir_all(records.join("members")).unwrap();
    for entry in fs::read_dir(example().join("records/members")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(
            entry.path(),
            records.join("members").join(entry.file_name()),
        )
        .unwrap();
    }
    for file in [
        "group.yaml",
        "sources.yaml",
        "working-groups.yaml",
        "documents.yaml",
    ] {
        fs::copy(example().join("records").join(file), records.join(file)).unwrap();
    }
    let chairs = fs::read_to_string(example().join("records/chairs.yaml")).unwrap();
    let edited = edit(&chairs);
    assert_ne!(chairs, edited, "the edit changed nothing");
    fs::write(records.join("chairs.yaml"), &edited).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas"),
        dir.path().join("schemas"),
    )
    .unwrap();
    (dir, edited)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in text")
        + 1
}

#[test]
fn the_eu_council_records_pass_with_no_finding() {
    let (status, text) = check(&example());
    assert_eq!(status, 0, "{text}");
    assert_eq!(text, "no problems found in 33 files\n");
}

#[test]
fn a_gap_in_the_rotation_is_caught() {
    // Cut the Finnish presidency of 2019 short by two months.
    let (dir, _) = planted(|t| {
        t.replacen(
            "    start: 2019-07\n    end: 2019-12\n",
            "    start: 2019-07\n    end: 2019-10\n",
            1,
        )
    });
    let (status, text) = check(dir.path());
    assert_eq!(status, 1, "{text}");
    assert!(text.contains("error[T003]"), "{text}");
    assert!(text.contains("2019-11"), "{text}");
}

#[test]
fn an_overlap_is_caught() {
    let (dir, _) = planted(|t| {
        t.replacen(
            "    start: 2019-07\n    end: 2019-12\n",
            "    start: 2019-07\n    end: 2020-01\n",
            1,
        )
    });
    let (status, text) = check(dir.path());
    assert_eq!(status, 1, "{text}");
    assert!(text.contains("error[T004]"), "{text}");
}

#[test]
fn a_presidency_by_a_non_member_is_caught() {
    // Croatia joined on 2013-07-01; give it the presidency of 2010.
    let (dir, edited) = planted(|t| {
        let at = t.find("    start: 2010-01\n").unwrap();
        let entry = t[..at].rfind("  - chair: ").unwrap();
        let end = t[entry..].find('\n').unwrap() + entry;
        format!("{}  - chair: croatia{}", &t[..entry], &t[end..])
    });
    let (status, text) = check(dir.path());
    assert_eq!(status, 1, "{text}");
    assert!(text.contains("error[T006]"), "{text}");
    let line = line_of(&edited, "  - chair: croatia");
    assert!(
        text.contains(&format!("records/chairs.yaml:{line}:")),
        "line {line}: {text}"
    );
}
